// The page editor of `briefing serve --edit`. Select words in a paragraph of the essay to
// add a fact, a name, an event or a cross-reference; edit, remove, accept or dismiss what
// the model already holds. The preview server validates every change and writes the
// model; the page reloads by itself once the site is rebuilt. Nothing here names a file.
(() => {
  "use strict";
  const doc = document;
  const script = doc.currentScript;
  if (!script || doc.getElementById("be-badge")) return;
  const { token = "", briefing = "" } = script.dataset;
  // The model the page was made from; a save against another one is refused by the server.
  let modelHash = script.dataset.modelHash || "";
  // The register's, which an edit of a name writes: refused too once it changed.
  let registerHash = script.dataset.registerHash || "";
  let model = null;
  const NOUN = { fact: "fact", entity: "name", alias: "spelling", event: "event", crossref: "cross-reference" };

  // ---- Elements ----
  // h("button", {type: "button", onclick: f}, "text", child…); false and null attributes are left out.
  function h(tag, attributes = {}, ...children) {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value == null || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    node.append(...children.flat().filter((child) => child != null && child !== false));
    return node;
  }
  const button = (text, action, attributes = {}) => h("button", { type: "button", ...attributes, onclick: action }, text);
  const list = (value) => (Array.isArray(value) ? value.join(", ") : value ?? "");
  const words = (text) => text.replace(/\s+/g, " ").trim();

  // ---- The server ----
  async function post(endpoint, body) {
    let response;
    try {
      response = await fetch("/__briefing/edit/" + endpoint, {
        method: "POST", cache: "no-store", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", "X-Briefing-Token": token },
      });
    } catch {
      return { ok: false, error: "the preview server does not answer: is briefing serve still running?" };
    }
    const data = await response.json().catch(() => ({}));
    return response.ok ? { ok: true, data } : { ok: false, error: data.error || `the preview answered ${response.status}` };
  }

  async function apply(action, kind, id, item, extra = {}) {
    const answer = await post("apply", { briefing, modelHash, registerHash, action, kind, ...(id ? { id } : {}), ...(item ? { item } : {}), ...extra });
    if (answer.ok) {
      modelHash = answer.data.modelHash || modelHash;
      registerHash = answer.data.registerHash ?? registerHash;
      say(`Saved to ${answer.data.file}; the page reloads when the site is rebuilt.`);
    }
    return answer;
  }

  // ---- Badge and announcements ----
  const badge = h("div", { id: "be-badge", class: "be-badge" }, h("span", { class: "be-badge-mode" }, "Edit mode"));
  const status = h("p", { class: "be-status", role: "status", "aria-live": "polite" });
  let statusTimer = 0;
  // The region stays in the page, empty between messages, so that screen readers hear each one.
  function say(text, problem = false) {
    clearTimeout(statusTimer);
    status.textContent = text;
    status.classList.toggle("be-problem", problem);
    statusTimer = setTimeout(() => { status.textContent = ""; }, problem ? 12000 : 6000);
  }

  // ---- The dialog: one, refilled for each form ----
  const dialog = h("dialog", { class: "be-dialog", "aria-labelledby": "be-dialog-title" });
  let opener = null;
  dialog.addEventListener("close", () => {
    dialog.replaceChildren();
    if (opener?.isConnected) opener.focus();
    opener = null;
  });
  // A click on the backdrop closes it, as Esc does.
  dialog.addEventListener("click", (event) => {
    const r = dialog.getBoundingClientRect();
    const outside = event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom;
    if (event.target === dialog && outside && event.detail > 0) dialog.close();
  });

  function openDialog(title, ...content) {
    if (!dialog.open) opener = toolbar.contains(doc.activeElement) ? returnFocus : doc.activeElement;
    dialog.replaceChildren(h("h2", { id: "be-dialog-title" }, title), ...content);
    if (!dialog.open) dialog.showModal();
    // The first field still to fill in, else the first control.
    const controls = [...dialog.querySelectorAll("input, select, textarea, button")]
      .filter((c) => !c.disabled && (c.type !== "radio" || c.checked));
    (controls.find((c) => c.required && !c.value.trim()) || controls[0])?.focus();
  }
  const errorRegion = () => h("p", { class: "be-error", role: "alert", "aria-live": "assertive" });
  const actions = (...buttons) => h("div", { class: "be-actions" }, ...buttons);
  const cancel = () => button("Cancel", () => dialog.close());

  // ---- Forms ----
  // Each field: [name, label, options]. Options: required; hint; list (comma-separated); names
  // (a list of entity ids); number; multiline; kinds or targets (a choice); wide (a row of its own).
  const DATE = "YYYY, YYYY-MM or YYYY-MM-DD";
  const FIELDS = {
    fact: [["id", "Id", { required: true }], ["figure", "Figure as written", { required: true }],
      ["label", "What it measures", { required: true, wide: true }], ["quote", "Quote", { required: true, multiline: true }],
      ["entities", "Names", { list: true, names: true }], ["when", "When", { hint: DATE }],
      ["value", "Value", { number: true, hint: "a plain number: 400000000" }], ["unit", "Unit", { hint: "EUR, USD, %, people…" }],
      ["compare", "Compare group", { hint: "facts sharing a group get one chart" }]],
    entity: [["id", "Id", { required: true }], ["kind", "Kind", { kinds: true }], ["name", "Name", { required: true, wide: true }],
      ["aliases", "Spellings in the text", { list: true, hint: "separated by commas" }], ["role", "Role", { wide: true }],
      ["summary", "Summary", { multiline: true }]],
    event: [["id", "Id", { required: true }], ["when", "When", { required: true, hint: DATE }],
      ["title", "Title", { required: true, wide: true }], ["quote", "Quote", { required: true, multiline: true }],
      ["entities", "Names", { list: true, names: true }], ["facts", "Facts", { list: true, hint: "fact ids, separated by commas" }]],
    crossref: [["id", "Id", { required: true }], ["to", "Refers to", { targets: true, required: true, wide: true }],
      ["quote", "Quote", { required: true, multiline: true }]],
  };

  function choicesFor(options, value) {
    if (options.kinds) return (model?.kinds || []).map((kind) => [kind, kind]);
    if (!options.targets) return null;
    const sections = (model?.sections || []).map((s) => [`section:${s.id}`, `§ ${s.title}`]);
    const paragraphs = [...doc.querySelectorAll(".essay p[id]")].map((p, index) =>
      [`paragraph:${p.id}`, `¶${index + 1} ${words(p.textContent).slice(0, 48)}…`]);
    const all = [["", "Choose a section or paragraph"], ...sections, ...paragraphs];
    return value && !all.some(([v]) => v === value) ? [...all, [value, value]] : all;
  }

  function field([name, label, options = {}], value) {
    const id = `be-field-${name}`;
    const shown = options.list ? list(value) : value ?? "";
    const hint = options.hint || options.names ? h("small", { id: `${id}-hint`, class: "be-hint" }, options.hint || "") : null;
    const common = { id, name, required: options.required, "aria-describedby": hint ? `${id}-hint` : null };
    const choices = choicesFor(options, shown);
    const control = choices
      ? h("select", common, choices.map(([v, text]) => h("option", { value: v, selected: v === shown }, text)))
      : options.multiline ? h("textarea", { ...common, rows: 3 }, shown)
        : h("input", { ...common, type: "text", value: shown, inputmode: options.number ? "decimal" : null,
          autocomplete: "off", spellcheck: options.list || name === "id" ? "false" : null });
    if (options.names) {
      // Says which names the ids are, so a typo shows before saving.
      const known = new Map((model?.entities || []).map((e) => [e.id, e.name]));
      const explain = () => {
        const ids = control.value.split(",").map((s) => s.trim()).filter(Boolean);
        const unknown = ids.filter((i) => !known.has(i));
        hint.textContent = ids.length ? ids.filter((i) => known.has(i)).map((i) => known.get(i)).join(" · ")
          + (unknown.length ? `${ids.length > unknown.length ? " · " : ""}unknown: ${unknown.join(", ")}` : "")
          : "entity ids, separated by commas";
      };
      control.addEventListener("input", explain);
      explain();
    }
    const wide = options.wide || options.list || options.multiline;
    return h("div", { class: wide ? "be-field be-wide" : "be-field" }, h("label", { for: id }, label), control, hint);
  }

  // The item as the server reads it: empty fields left out, lists split, the value a number.
  function readItem(form, kind) {
    const item = {};
    for (const [name, , options = {}] of FIELDS[kind]) {
      const control = form.elements[name];
      if (!control || control.disabled) continue;
      const text = control.value.trim();
      if (!text) continue;
      if (options.list) item[name] = text.split(",").map((s) => s.trim()).filter(Boolean);
      else if (options.number) {
        const number = Number(text.replace(/[\s,_]/g, ""));
        if (!Number.isFinite(number)) throw new Error(`${name}: "${text}" is not a number`);
        item[name] = number;
      } else item[name] = text;
    }
    return item;
  }

  // A form for one item; save(item) resolves to the server's answer.
  // fields: the form's own controls instead of one for each field of kind; after: what goes
  // between them and the buttons.
  function itemForm(kind, values, save, { before = [], fields = null, after = [] } = {}) {
    const error = errorRegion();
    const form = h("form", { class: "be-form", novalidate: true },
      ...before, fields || h("div", { class: "be-fields" }, FIELDS[kind].map((spec) => field(spec, values[spec[0]]))),
      ...after, error, actions(h("button", { type: "submit", class: "be-primary" }, "Save"), cancel()));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const missing = [...form.querySelectorAll("[required]")].find((c) => !c.disabled && !c.value.trim());
      if (missing) {
        error.textContent = `${form.querySelector(`label[for="${missing.id}"]`)?.textContent || missing.name} is required`;
        missing.focus();
        return;
      }
      let item;
      try { item = readItem(form, kind); } catch (problem) { error.textContent = problem.message; return; }
      await submitting(form, error, () => save(item));
    });
    return form;
  }

  // Runs send() with the form's buttons off; closes on success, else shows the server's message.
  async function submitting(form, error, send) {
    const controls = [...form.querySelectorAll("button")];
    controls.forEach((b) => { b.disabled = true; });
    form.setAttribute("aria-busy", "true");
    error.textContent = "";
    const answer = await send();
    form.removeAttribute("aria-busy");
    controls.forEach((b) => { b.disabled = false; });
    if (answer.ok) dialog.close();
    else error.textContent = answer.error;
  }

  // ---- Adding from a selection ----
  async function annotate(action, picked) {
    hideToolbar();
    openDialog(`Reading the selection…`, h("p", { class: "be-note" }, `“${picked.text}”`));
    const answer = await post("suggest", { briefing, paragraphID: picked.paragraph.id, text: picked.text });
    if (!dialog.open) return;
    if (!answer.ok) {
      openDialog("Cannot use this selection", h("p", { class: "be-error", role: "alert" }, answer.error), actions(cancel()));
      return;
    }
    const s = answer.data;
    const context = [h("p", { class: "be-sentence" }, h("span", { class: "be-hint" }, "In the sentence: "), s.sentence)];
    if (s.unique === false) {
      context.push(h("p", { class: "be-warning" }, "These words occur more than once in the essay: make the quote longer so that it names one place."));
    }
    const add = (kind) => (item) => apply("add", kind, null, item);
    if (action === "fact") {
      openDialog("Add a fact", itemForm("fact", { id: s.id, figure: s.figure, label: s.label, quote: s.quote, when: s.when,
        value: s.value, unit: s.unit, entities: s.entities }, add("fact"), { before: context }));
    } else if (action === "event") {
      openDialog("Add an event", itemForm("event", { id: s.id, when: s.when, quote: s.quote, entities: s.entities },
        add("event"), { before: context }));
    } else if (action === "crossref") {
      openDialog("Add a cross-reference", itemForm("crossref", { id: s.id, quote: s.quote }, add("crossref"), { before: context }));
    } else {
      nameForm(s);
    }
  }

  // A name: another spelling of an entity the briefing knows, or a new entity.
  function nameForm(s) {
    const entities = model?.entities || [];
    const match = s.entityMatch && entities.find((e) => e.id === s.entityMatch.id);
    const spelled = match && [match.name, ...(match.aliases || [])].some((a) => a.toLowerCase() === s.quote.toLowerCase());
    const choice = (value, text, checked) => h("label", { class: "be-choice" },
      h("input", { type: "radio", name: "be-name-choice", value, checked }), " ", text);
    const pick = h("select", { name: "entity", "aria-label": "The entity" },
      [...entities].sort((a, b) => a.name.localeCompare(b.name)).map((e) =>
        h("option", { value: e.id, selected: e.id === match?.id }, `${e.name} (${e.id})`)));
    const alias = h("fieldset", { class: "be-fieldset" }, h("legend", {}, choice("alias", "Another spelling of", Boolean(match))),
      h("div", { class: "be-field" }, pick),
      spelled ? h("p", { class: "be-warning" }, `“${s.quote}” is already a spelling of ${match.name}.`) : null);
    const fresh = h("fieldset", { class: "be-fieldset" }, h("legend", {}, choice("entity", "A new entity", !match)),
      h("div", { class: "be-fields" }, FIELDS.entity.map((spec) =>
        field(spec, { id: s.id, name: s.quote, kind: s.kind, aliases: [s.quote] }[spec[0]]))));
    if (!entities.length) alias.hidden = true;
    const form = itemForm("entity", {}, (item) => (form.elements["be-name-choice"].value === "alias"
      ? apply("add", "alias", pick.value, { alias: s.quote })
      : apply("add", "entity", null, item)), { before: [h("p", { class: "be-sentence" }, `“${s.quote}”`)], fields: [alias, fresh] });
    const sync = () => {
      const isAlias = form.elements["be-name-choice"].value === "alias";
      pick.disabled = !isAlias;
      fresh.querySelectorAll("input:not([type=radio]), select, textarea").forEach((c) => { c.disabled = isAlias; });
    };
    form.addEventListener("change", (event) => { if (event.target.name === "be-name-choice") sync(); });
    sync();
    openDialog("Add a name", form);
  }

  // ---- Editing what the model holds ----
  const FIND = { fact: "facts", entity: "entities", event: "events", crossref: "crossrefs" };
  const titleOf = (kind, item) => ({
    fact: () => `${item.figure}: ${item.label}`, entity: () => `${item.name} (${item.kind})`,
    event: () => `${item.when}: ${item.title}`, crossref: () => `“${item.quote}” → ${item.to}`,
  })[kind]();

  // A drafted item stays to review when edited, unless the editor says it is reviewed.
  function edit(kind, item) {
    const reviewed = item.review ? h("input", { type: "checkbox", id: "be-reviewed" }) : null;
    const after = reviewed ? [h("p", { class: "be-reviewed" }, h("label", { for: "be-reviewed" }, reviewed, " Reviewed: accept it as saved"))] : [];
    openDialog(`Edit the ${NOUN[kind]} ${item.id}`,
      itemForm(kind, item, (changed) => apply("update", kind, item.id, changed, { accept: !!reviewed?.checked }), { after }));
  }

  function remove(kind, item) {
    const error = errorRegion();
    const yes = button("Remove", () => submitting(dialog.querySelector("form"), error,
      () => apply("remove", kind, item.id)), { class: "be-primary be-danger" });
    openDialog(`Remove the ${NOUN[kind]} ${item.id}?`,
      h("form", { class: "be-form" }, h("p", {}, titleOf(kind, item)),
        h("p", { class: "be-hint" }, `Its lines are taken out of ${model?.modelFile || "the model"}; nothing else changes.`),
        error, actions(yes, cancel())));
    yes.focus();
  }

  // Accept and dismiss act at once: they are the quick way through a draft.
  async function decide(action, kind, item, group) {
    group.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    const answer = await apply(action, kind, item.id);
    if (!answer.ok) {
      group.querySelectorAll("button").forEach((b) => { b.disabled = false; });
      say(answer.error, true);
    } else {
      group.dataset.done = action;
    }
  }

  function controls(kind, item, inline = false) {
    const group = h("span", { class: `be-controls${inline ? " be-inline" : ""}`, role: "group",
      "aria-label": `${NOUN[kind]} ${item.id}`, "data-be-kind": kind, "data-be-id": item.id });
    if (item.review) {
      group.append(h("span", { class: "be-review" }, "to review"),
        button("Accept", () => decide("accept", kind, item, group)),
        button("Dismiss", () => decide("dismiss", kind, item, group)));
    }
    group.append(button("Edit", () => edit(kind, item)), button("Remove", () => remove(kind, item)));
    return group;
  }

  // Controls beside each item the page shows: fact boxes, timeline events, cross-references.
  function placeControls() {
    for (const fact of model.facts) doc.getElementById(fact.boxID)?.append(controls("fact", fact));
    for (const event of model.events) {
      const entry = doc.getElementById(event.id);
      if (entry?.tagName === "LI") entry.append(controls("event", event));
    }
    for (const reference of model.crossrefs) {
      const paragraph = reference.paragraphID && doc.getElementById(reference.paragraphID);
      if (!paragraph) continue;
      const links = [...paragraph.querySelectorAll("a[data-xref]")].filter((a) => a.dataset.xref === reference.to);
      const link = links.find((a) => words(a.textContent) === words(reference.quote)) || links[0];
      link?.after(controls("crossref", reference, true));
    }
  }

  // Every item of the model as a card, those to review first; the only place for names and,
  // on the briefing page, for events.
  function openPanel() {
    const only = h("input", { type: "checkbox", id: "be-only-review", checked: model.toReview > 0 });
    const sections = Object.entries(FIND).map(([kind, key]) => {
      const items = [...model[key]].sort((a, b) => Number(b.review) - Number(a.review));
      return h("section", { class: "be-panel-section", "data-be-kind": kind },
        h("h3", {}, `${{ fact: "Facts", entity: "Names", event: "Events", crossref: "Cross-references" }[kind]} (${items.length})`),
        h("ul", { class: "be-cards" }, items.map((item) => h("li", { class: "be-card", "data-review": item.review ? "true" : null },
          h("span", { class: "be-card-title" }, titleOf(kind, item)),
          h("span", { class: "be-card-meta" }, [item.id, kind === "entity" && item.inRegister ? "register" : null]
            .filter(Boolean).join(" · ")),
          controls(kind, item)))));
    });
    const filter = () => {
      const reviewOnly = only.checked;
      for (const card of dialog.querySelectorAll(".be-card")) card.hidden = reviewOnly && !card.dataset.review;
      for (const section of dialog.querySelectorAll(".be-panel-section")) {
        section.hidden = ![...section.querySelectorAll(".be-card")].some((c) => !c.hidden);
      }
    };
    only.addEventListener("change", filter);
    openDialog(`The model: ${model.modelFile}`,
      h("p", { class: "be-panel-options" }, h("label", { for: "be-only-review" }, only, ` Only the ${model.toReview} to review`)),
      ...sections, actions(button("Close", () => dialog.close())));
    filter();
  }

  // ---- The selection toolbar ----
  const toolbar = h("div", { class: "be-toolbar", role: "toolbar", "aria-label": "Annotate the selection", hidden: true });
  const toolButtons = [["fact", "Fact"], ["name", "Name"], ["event", "Event"], ["crossref", "Cross-reference"]].map(([action, text]) =>
    button(text, () => picked && annotate(action, picked), { "data-be-action": action, tabindex: action === "fact" ? "0" : "-1" }));
  const across = h("span", { class: "be-note" }, "Select within one paragraph");
  toolbar.append(...toolButtons, across);
  let picked = null;
  let returnFocus = null;

  const paragraphOf = (node) => {
    const element = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
    const paragraph = element?.closest("p[id]");
    return paragraph?.closest(".essay") ? paragraph : null;
  };

  // The selection as {paragraph, text}, {across: true} when it spans paragraphs, or null.
  function readSelection() {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    let range = selection.getRangeAt(0);
    const start = paragraphOf(range.startContainer);
    let end = paragraphOf(range.endContainer);
    // A triple click ends the range at the start of what follows the paragraph.
    if (start && end !== start && range.endOffset === 0) {
      range = range.cloneRange();
      range.setEnd(start, start.childNodes.length);
      end = start;
    }
    if (!start && !end) return null;
    if (start !== end) return { across: true, rect: range.getBoundingClientRect() };
    const copy = range.cloneContents();
    // The pilcrow link and the editor's own buttons are not words of the essay.
    copy.querySelectorAll(`a[href="#${CSS.escape(start.id)}"], .be-controls`).forEach((n) => n.remove());
    const text = words(copy.textContent);
    return text ? { paragraph: start, text, rect: range.getBoundingClientRect() } : null;
  }

  function showToolbar(found) {
    picked = found.across ? null : found;
    toolButtons.forEach((b) => { b.hidden = Boolean(found.across); });
    across.hidden = !found.across;
    toolbar.hidden = false;
    const r = found.rect, w = toolbar.offsetWidth, height = toolbar.offsetHeight;
    // Above the selection, or below it near the top of the window (or on touch, where the
    // system's own menu sits above).
    const below = r.top < height + 12 || matchMedia("(pointer: coarse)").matches;
    toolbar.style.left = `${Math.max(8, Math.min(r.left + r.width / 2 - w / 2, doc.documentElement.clientWidth - w - 8)) + scrollX}px`;
    toolbar.style.top = `${(below ? r.bottom + 8 : r.top - height - 8) + scrollY}px`;
  }

  function hideToolbar() {
    toolbar.hidden = true;
    picked = null;
  }

  function focusToolbar() {
    const found = readSelection();
    if (!found) return false;
    showToolbar(found);
    if (found.across) return false;
    returnFocus = doc.activeElement;
    toolButtons[0].focus();
    return true;
  }

  let selectionTimer = 0;
  function followSelection() {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => {
      if (dialog.open || toolbar.contains(doc.activeElement)) return;
      const found = readSelection();
      if (found) showToolbar(found);
      else hideToolbar();
    }, 120);
  }

  // Keeps the selection when a toolbar button is pressed with the pointer.
  toolbar.addEventListener("pointerdown", (event) => event.preventDefault());
  // A toolbar: the arrow keys move between its buttons, Esc leaves it.
  toolbar.addEventListener("keydown", (event) => {
    const visible = toolButtons.filter((b) => !b.hidden);
    const at = visible.indexOf(doc.activeElement);
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: visible.length - 1 }[event.key];
    if (to !== undefined && visible.length) {
      event.preventDefault();
      visible[(to + visible.length) % visible.length].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      hideToolbar();
      if (returnFocus?.isConnected) returnFocus.focus();
    }
  });

  function start() {
    doc.body.append(badge, status, toolbar, dialog);
    if (!briefing) {
      badge.title = "Select words on a briefing page to annotate them";
      return;
    }
    doc.addEventListener("selectionchange", followSelection);
    // Alt+E, the Menu key or Shift+F10: from a selection made with the keyboard to the toolbar,
    // instead of the browser's context menu.
    let keyed = 0;
    doc.addEventListener("keydown", (event) => {
      if (dialog.open || toolbar.contains(event.target)) return;
      const key = (event.altKey && event.code === "KeyE") || event.key === "ContextMenu" || (event.shiftKey && event.key === "F10");
      if (key && focusToolbar()) {
        event.preventDefault();
        keyed = event.timeStamp;
      }
    });
    doc.addEventListener("contextmenu", (event) => { if (event.timeStamp - keyed < 1000) event.preventDefault(); });
    post("context", { briefing }).then((answer) => {
      if (!answer.ok) {
        badge.append(h("span", { class: "be-badge-problem" }, `the editor cannot load the model: ${answer.error}`));
        return;
      }
      model = answer.data;
      placeControls();
      const review = button(model.toReview ? `${model.toReview} to review` : "Model", openPanel,
        { class: "be-badge-open", "aria-haspopup": "dialog", "data-to-review": model.toReview });
      badge.append(review);
      if (model.modelHash !== modelHash) {
        badge.append(h("span", { class: "be-badge-problem" }, "the model changed since this page was loaded: reload"));
      }
    });
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})();
