#!/usr/bin/env python3
"""Turns the raw measurements run.sh left in WORK into the Markdown report (stdout)."""
import statistics, sys
from collections import defaultdict

work = sys.argv[1]
env = {}
for line in open(f"{work}/env.txt", encoding="utf-8"):
    key, _, value = line.rstrip("\n").partition("=")
    env[key] = value

TOOLS = ["briefing", "hugo", "cmark-gfm", "cmark-gfm-concat"]
LABEL = {
    "briefing": "Briefing `build`",
    "hugo": "Hugo",
    "cmark-gfm": "cmark-gfm, 1 process per file",
    "cmark-gfm-concat": "cmark-gfm, 1 process, all files",
}

runs = defaultdict(list)  # (n, tool) -> [(wall_us, rss_kb, pages, bytes, status, cpu_us)]
for line in open(f"{work}/builds.tsv", encoding="utf-8"):
    n, tool, run, wall, rss, pages, size, status, cpu = line.rstrip("\n").split("\t")
    runs[(int(n), tool)].append((int(wall), int(rss or 0), int(pages), int(size), status, int(cpu or 0)))
gen = {}
for line in open(f"{work}/gen.tsv", encoding="utf-8"):
    n, us = line.split()
    gen[int(n)] = int(us)


def secs(us):
    s = us / 1e6
    return f"{s:.3f}" if s < 10 else f"{s:.1f}"


def mb(kb):
    return f"{kb / 1024:.0f}" if kb >= 10240 else f"{kb / 1024:.1f}"


sizes = sorted({n for n, _ in runs})
out = []
p = out.append
p("# Briefing benchmark: latest results")
p("")
p(f"- Date: {env['date']}; {env['elapsed_s']} s for the whole run")
p(f"- Machine: {env['cpu']}, {env['nproc']} cores, {env['memory']} memory, {env['os']}")
p(f"- Load average (1/5/15 min) at start: {env['load_start']}; at end: {env['load_end']}. "
  "The machine is shared: other engineers' builds and browsers were running, so single "
  "numbers are noisy; the median and the min–max of the runs are shown.")
p(f"- Tools: briefing {env['briefing']} ({env['swift']}, release); {env['hugo']}; {env['cmark']}")
p(f"- {env['runs']} timed runs per tool and N, interleaved (Briefing, Hugo, cmark-gfm, cmark-gfm concat, then again), "
  "each into a fresh output folder; inputs in the page cache; `sync` before each run, not timed.")
p(f"- Input: {env['seed']}")
p(f"- {env['check']}")
if env.get("build_note"):
    p(f"- Note: {env['build_note']}")
p("")
p("## Full builds")
p("")
p("N essays, each the seed with its own title and one word changed. Briefing writes the "
  "annotated site (3 pages per essay plus one per entity, JSON, CSV, search index, feed, sitemap); "
  "Hugo writes one plain page per essay plus home, section and 404 pages, RSS and sitemap; "
  "cmark-gfm writes HTML fragments (no template).")
p("")
p("| N | tool | median wall (s) | min–max (s) | ms per essay | median CPU (s) | HTML pages | output (MB) | peak RSS (MB) | Briefing ÷ tool (time) | Briefing ÷ tool (CPU) | Briefing ÷ tool (RSS) |")
p("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    base = runs.get((n, "briefing"), [])
    base_ok = [r for r in base if r[4] == "ok"]
    base_med = statistics.median(r[0] for r in base_ok) if base_ok else None
    base_rss = max(r[1] for r in base_ok) if base_ok else None
    base_cpu = statistics.median(r[5] for r in base_ok) if base_ok else None
    for tool in TOOLS:
        rs = runs.get((n, tool))
        if not rs:
            continue
        ok = [r for r in rs if r[4] == "ok"]
        failed = len(rs) - len(ok)
        if not ok:
            p(f"| {n} | {LABEL[tool]} | failed ({rs[0][4]}) | | | | | | | | | |")
            continue
        med = statistics.median(r[0] for r in ok)
        cpu = statistics.median(r[5] for r in ok)
        rss = max(r[1] for r in ok)
        lo, hi = min(r[0] for r in ok), max(r[0] for r in ok)
        pages = ok[-1][2]
        size = ok[-1][3] / 1e6
        if tool == "briefing" or base_med is None:
            ratio_t = ratio_c = ratio_m = "—"
        else:
            ratio_t = f"{base_med / med:.1f}×"
            ratio_c = f"{base_cpu / cpu:.1f}×" if cpu else "—"
            ratio_m = f"{base_rss / rss:.1f}×" if rss else "—"
        note = f" ({failed} of {len(rs)} runs failed)" if failed else ""
        p(f"| {n} | {LABEL[tool]}{note} | {secs(med)} | {secs(lo)}–{secs(hi)} | {med / 1000 / n:.2f} | {secs(cpu)} | {pages} | "
          f"{size:.1f} | {mb(rss)} | {ratio_t} | {ratio_c} | {ratio_m} |")
p("")
p("Input generation (`gen.py`, all three tools' inputs): " +
  ", ".join(f"N={n}: {gen[n] / 1e6:.2f} s" for n in sorted(gen)) + ".")
p("")

lat = defaultdict(lambda: defaultdict(list))
try:
    for line in open(f"{work}/latency.tsv", encoding="utf-8"):
        label, kind, i, value = line.rstrip("\n").split("\t")
        lat[label][kind].append(value)
except FileNotFoundError:
    pass
if lat:
    n = open(f"{work}/latency-n").read().strip() if lat else "?"
    p("## Edit to served page")
    p("")
    p(f"N={n}. A seed (Hugo: the essay's content file) is edited {env['edits']} times: written to a dot-file "
      "beside it and renamed over it, as editors save; the clock starts at the rename and stops when "
      "`curl`, polling the essay's served URL every 2 ms, first gets the page with the new word. "
      "Hugo runs with `--disableFastRender` (full rebuilds, as Briefing does) and live reload on; "
      "`hugo server` keeps the site in memory by default, `--renderToDisk` writes it like `briefing serve` does.")
    p("")
    p("| server | median edit→served (ms) | min–max (ms) | edits served | server-reported rebuild, median (ms) | startup to first page (s) | one poll (ms) |")
    p("|---|---:|---:|---:|---:|---:|---:|")
    for label in sorted(lat, key=lambda l: (not l.startswith("briefing"), l)):
        d = lat[label]
        edits = [int(v) for v in d["edit"] if v != "TIMEOUT"]
        timeouts = sum(1 for v in d["edit"] if v == "TIMEOUT")
        rep = [float(v) for v in d["reported"]]
        med = f"{statistics.median(edits) / 1000:.0f}" if edits else "—"
        rng = f"{min(edits) / 1000:.0f}–{max(edits) / 1000:.0f}" if edits else "—"
        served = f"{len(edits)} of {len(edits) + timeouts}"
        repm = f"{statistics.median(rep):.0f}" if rep else "—"
        start = f"{int(d['startup'][0]) / 1e6:.1f}" if d["startup"] else "—"
        poll = f"{int(d['poll'][0]) / 1000:.1f}" if d["poll"] else "—"
        p(f"| {label} | {med} | {rng} | {served} | {repm} | {start} | {poll} |")
    p("")
    p("Briefing's reported rebuild is its `rebuilt … in N ms` line; Hugo's is its `Total in N ms` line.")
    p("")
print("\n".join(out))
