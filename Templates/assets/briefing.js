// Briefing: previews of names, figures and cross-references, and site search.
// Without this script every trigger is a plain link and the search stays hidden.
(() => {
  "use strict";
  const doc = document, on = (t, type, f, o) => t.addEventListener(type, f, o);
  const el = (tag, cls, text) => {
    const n = doc.createElement(tag);
    n.className = cls;
    if (text) n.textContent = text;
    return n;
  };

  // ---- Preview cards: one tooltip, refilled for each trigger ----
  function previews() {
    let data;
    try { data = JSON.parse(doc.getElementById("briefing-previews").textContent); } catch { return; }
    const TRIGGERS = "a.entity, .entity-mention, a.fact, a.xref";
    const KEYS = { entity: "entities", fact: "facts", section: "sections", paragraph: "paragraphs" };
    const card = el("div", "preview-card");
    Object.assign(card, { id: "preview-card", hidden: true });
    card.setAttribute("role", "tooltip");
    doc.body.append(card);
    let current = null, timer = 0, pointer = "";

    const entry = (t) => {
      const d = t.dataset;
      const [type, id] = d.entity ? ["entity", d.entity] : d.fact ? ["fact", d.fact] : (d.xref || "").split(/:(.*)/);
      const v = (data[KEYS[type]] || {})[id];
      return v && { type, v };
    };

    const fill = ({ type, v }) => {
      const p = (cls, text) => text && el("p", "preview-" + cls, text);
      const parts = type === "entity" ? [p("kind", v.kind), p("title", v.name), p("role", v.role), p("text", v.summary)]
        : type === "fact" ? [p("figure", v.figure), p("text", v.label), p("when", v.when)]
        : [p("kind", type), p("title", v.title), p("text", v.excerpt)];
      if (type !== "fact") {
        // For touch. A keyboard reader is already on a link to the same place, so no tab stop.
        const a = el("a", "preview-link", type === "entity" ? "All mentions →" : `Go to ${type} →`);
        Object.assign(a, { href: v.url, tabIndex: -1 });
        parts.push(a);
      }
      card.dataset.type = type;
      card.replaceChildren(...parts.filter(Boolean));
    };

    // Below the line under the pointer (or the first), above if no room, 8px inside the viewport.
    const place = (t, x) => {
      const rects = [...t.getClientRects()];
      const r = rects.find((q) => x >= q.left && x <= q.right) || rects[0] || t.getBoundingClientRect();
      const s = card.style;
      s.left = s.top = "0";
      const w = card.offsetWidth, h = card.offsetHeight;
      const below = r.bottom + 8 + h <= innerHeight || r.top < h + 8;
      s.left = Math.max(8, Math.min(r.left, doc.documentElement.clientWidth - w - 8)) + scrollX + "px";
      s.top = (below ? r.bottom + 8 : r.top - 8 - h) + scrollY + "px";
    };

    const show = (t, x) => {
      const e = entry(t);
      if (!e) return;
      hide();
      current = t;
      fill(e);
      card.hidden = false;
      place(t, x);
      t.setAttribute("aria-describedby", card.id);
    };
    function hide() {
      clearTimeout(timer);
      current?.removeAttribute("aria-describedby");
      current = null;
      card.hidden = true;
    }
    // Delays: opening, so a pointer crossing the text flashes no cards; closing, so it can reach the card.
    const soon = (f, ms) => { clearTimeout(timer); timer = setTimeout(f, ms); };
    const inside = (n) => n && (card.contains(n) || n.closest?.(TRIGGERS) === current);

    on(doc, "pointerover", (e) => {
      if (e.pointerType === "touch") return;
      const t = e.target.closest(TRIGGERS);
      if (inside(e.target)) clearTimeout(timer);
      else if (t) soon(() => show(t, e.clientX), current ? 0 : 120);
    });
    on(doc, "pointerout", (e) => {
      if (e.pointerType === "touch" || inside(e.relatedTarget)) return;
      if (inside(e.target) || e.target.closest(TRIGGERS)) current ? soon(hide, 300) : clearTimeout(timer);
    });
    // Keyboard focus opens the card; a click's focus does not (hover did). Mentions are spans: hover only.
    on(doc, "focusin", (e) => {
      const t = e.target.closest?.(TRIGGERS);
      if (t?.matches(":focus-visible")) show(t);
    });
    on(doc, "focusout", (e) => {
      if (e.target === current && !card.contains(e.relatedTarget)) soon(hide, 300);
    });
    // Touch: the first tap on a trigger opens its card, a second follows the link (as does the card's
    // link), and a tap elsewhere closes it.
    on(doc, "pointerdown", (e) => { pointer = e.pointerType; }, true);
    on(doc, "click", (e) => {
      if (card.contains(e.target)) return;
      const t = e.target.closest(TRIGGERS);
      if (t && pointer === "touch" && t !== current && entry(t)) {
        e.preventDefault();
        show(t, e.clientX);
      } else hide();
    });
    on(doc, "keydown", (e) => {
      pointer = "";
      if (e.key !== "Escape" || !current) return;
      const t = current, back = card.contains(doc.activeElement);
      hide();
      if (back && t.tabIndex >= 0) t.focus();
    });
    on(window, "resize", hide);
  }

  // ---- Search ----
  // Folded: no case, no accents (Vučić = vucic), đ as d, straight apostrophes.
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/đ/g, "d").replace(/[‘’]/g, "'");
  const BADGE = { briefing: "Briefing", entity: "Name", fact: "Figure", paragraph: "Passage" };

  // s with the words in <mark>; folding may change lengths, so folded positions map back.
  const marked = (s, words, cls) => {
    let f = "", at = 0;
    const map = [], hits = [], out = el("span", cls);
    for (let i = 0; i < s.length; i++) { const p = fold(s[i]); f += p; map.push(...p.split("").map(() => i)); }
    map.push(s.length);
    for (const w of words) for (let i = f.indexOf(w); i >= 0; i = f.indexOf(w, i + 1)) hits.push([map[i], map[i + w.length]]);
    for (const [a, b] of hits.sort((x, y) => x[0] - y[0])) {
      if (a < at) continue;
      out.append(s.slice(at, a), el("mark", "", s.slice(a, b)));
      at = b;
    }
    out.append(s.slice(at));
    return out;
  };

  // About two lines from just before the match, cut at spaces.
  const snippet = (text, start) => {
    if (text.length <= 140) return text;
    let a = Math.max(0, start - 50), b = Math.min(text.length, a + 140);
    if (a) a = text.indexOf(" ", a) + 1 || a;
    if (b < text.length) b = Math.max(a + 1, text.lastIndexOf(" ", b));
    return (a ? "…" : "") + text.slice(a, b) + (b < text.length ? "…" : "");
  };

  function search() {
    const box = doc.querySelector(".site-search");
    const input = doc.getElementById("search-input");
    const list = doc.getElementById("search-results");
    if (!box || !input || !list) return;
    box.hidden = false;
    let index = null, loading = null, timer = 0;
    const close = () => list.replaceChildren();

    // Fetched on first use: it carries every paragraph.
    const load = () => loading ||= fetch(box.dataset.index)
      .then((r) => r.json())
      .then((items) => { index = items.map((it) => ({ it, t: fold(it.title), x: fold(it.text || "") })); })
      .catch(() => { loading = null; });

    const render = () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      close();
      if (words.join("").length < 2) return;
      if (!index) return void load().then(() => index && render());
      // All words must match. Passages rank after the rest; title matches first.
      const hits = index.filter((e) => words.every((w) => e.t.includes(w) || e.x.includes(w))).map((e) => {
        const n = words.filter((w) => e.t.includes(w)).length;
        return { e, n, rank: (e.it.kind === "paragraph") * 100 + (n === words.length ? 0 : n ? 10 : 20) + !e.t.startsWith(words[0]) };
      }).sort((a, b) => a.rank - b.rank);
      const status = doc.getElementById("search-status");
      if (status) status.textContent = hits.length ? `${hits.length} ${hits.length === 1 ? "result" : "results"}` : "No matches";
      if (!hits.length) list.append(el("li", "search-empty", "No matches"));
      for (const { e, n } of hits.slice(0, 8)) {
        const a = el("a", "search-hit"), li = el("li"), { kind, title, text, url } = e.it;
        a.href = (box.dataset.root || "") + url;
        // Found by its title: text from the start; else from the match.
        const at = n === words.length && kind !== "paragraph" ? [0] : words.map((w) => e.x.indexOf(w)).filter((i) => i >= 0);
        a.append(el("span", "search-kind", BADGE[kind] || kind), marked(title, words, "search-title"));
        if (text) a.append(marked(snippet(text, at.length ? Math.min(...at) : 0), words, "search-snippet"));
        li.append(a);
        list.append(li);
      }
    };

    on(input, "focus", () => { load(); if (!list.firstChild) render(); });
    on(input, "input", () => { clearTimeout(timer); timer = setTimeout(render, 80); });
    on(box, "keydown", (e) => {
      const links = [...list.querySelectorAll("a")], i = links.indexOf(doc.activeElement);
      if ((e.key === "ArrowDown" || e.key === "ArrowUp") && links.length) {
        e.preventDefault();
        const next = i + (e.key === "ArrowDown" ? 1 : -1);
        (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
      } else if (e.key === "Enter" && e.target === input && links[0]) {
        e.preventDefault();
        location.href = links[0].href;
      } else if (e.key === "Escape") {
        // Back to the field; in the field, also clear it (as search fields do).
        if (e.target === input) input.value = "";
        close();
        input.focus();
      }
    });
    // A dropdown: focus or a tap anywhere else closes it.
    on(box, "focusout", (e) => { if (e.relatedTarget && !box.contains(e.relatedTarget)) close(); });
    on(doc, "pointerdown", (e) => { if (!box.contains(e.target)) close(); });
  }

  const start = () => { search(); previews(); };
  if (doc.readyState === "loading") on(doc, "DOMContentLoaded", start);
  else start();
})();
