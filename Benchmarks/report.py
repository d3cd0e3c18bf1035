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
      "the poller that made it (`edit_poll.py`, one process, a fresh connection about every millisecond) "
      "first gets the page with the new word. "
      "Hugo runs with `--disableFastRender` (full rebuilds, as Briefing does) and live reload on; "
      "`hugo server` keeps the site in memory by default, `--renderToDisk` writes it like `briefing serve` does.")
    p("")
    p("| server | median edit→served (ms) | min–max (ms) | edits served | server-reported rebuild, median (ms) | startup to first page (s) | memory, serving / peak (MB) | one poll (ms) |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|")
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
        rss = f"{int(d['rss-start'][0]) / 1024:.0f} / {int(d['rss-peak'][0]) / 1024:.0f}" if d["rss-start"] and d["rss-peak"] else "—"
        p(f"| {label} | {med} | {rng} | {served} | {repm} | {start} | {rss} | {poll} |")
    p("")
    p("Briefing's reported rebuild is its `rebuilt … in N ms` line; Hugo's is its `Total in N ms` line. "
      "`briefing serve` starts from the cache that a `briefing build` into its output folder left, "
      "as it does after any build or earlier preview; its memory is the resident set once it serves, "
      "and the largest during the edits.")
    p("")

cache = defaultdict(list)
try:
    for line in open(f"{work}/cache.tsv", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        cache[parts[0]].append(parts[1:])
except FileNotFoundError:
    pass
if cache.get("cold"):
    n = int(open(f"{work}/cache-n").read().strip())
    cold = runs.get((n, "briefing"), [])
    cold_med = statistics.median(r[0] for r in cold if r[4] == "ok") if cold else None
    p(f"## The build cache (N={n})")
    p("")
    p("`briefing build` into one folder: first with no cache, then again with nothing changed, then "
      f"after one seed changed (a word in the middle essay, {env['runs']} times). "
      "The ratio is to the median of the full builds above, each into a new folder.")
    p("")
    p("| build | median wall (s) | min–max (s) | peak RSS (MB) | ÷ full build |")
    p("|---|---:|---:|---:|---:|")
    for kind, label in [("cold", "from nothing, writing the cache"), ("unchanged", "nothing changed"), ("one-seed", "one seed changed")]:
        rows = [(int(w), int(r)) for _, w, r in cache.get(kind, [])]
        if not rows:
            continue
        med = statistics.median(w for w, _ in rows)
        ratio = f"{med / cold_med:.3f}" if cold_med else "—"
        p(f"| {label} | {secs(med)} | {secs(min(w for w, _ in rows))}–{secs(max(w for w, _ in rows))} | "
          f"{mb(max(r for _, r in rows))} | {ratio} |")
    p("")
    for n_, total, per in cache.get("bytes", []):
        n_, total, per = int(n_), int(total), int(per)
        p(f"Bytes per briefing: {total / n_ / 1000:.0f} KB of output per briefing ({total / 1e6:.1f} MB for {n_}, "
          f"folders counted as `du -sb` counts them); one briefing's own files: {per / 1000:.0f} KB:")
    p("")
    try:
        p("| file | bytes |")
        p("|---|---:|")
        for line in open(f"{work}/cache-files.tsv", encoding="utf-8"):
            name, size = line.rstrip("\n").split("\t")
            p(f"| `SLUG/{name}` | {int(size):,} |")
    except FileNotFoundError:
        pass
    p("")

import glob, re
same = []
for path in sorted(glob.glob(f"{work}/same-job-*.txt"), key=lambda f: int(re.findall(r"(\d+)\.txt$", f)[0])):
    text = open(path, encoding="utf-8").read()
    n = int(re.findall(r"(\d+)\.txt$", path)[0])
    rows = {m.group(1): m.groups()[1:] for m in re.finditer(r"^(hugo|briefing)\s+([\d.]+)\s+(\d+) \[(\d+)\]\s+(\d+)\s+(\d+)\s+([\d.]+)", text, re.M)}
    ratio = re.search(r"ratio Briefing/Hugo: time ([\d.]+)\s+memory ([\d.]+)", text)
    same.append((n, rows, ratio))
if same:
    p("## The same job as Hugo")
    p("")
    p("`../shared/bench/hugo_same_job/run_same_job.sh N`: a Hugo site that writes the same files per essay "
      "(essay page with fact boxes and charts, facts and timeline pages, `briefing.json`, `facts.csv`, "
      "`search.json`, a term page per entity) against `briefing build`, each run into a new folder, "
      f"{env['runs']} runs each, interleaved; medians.")
    p("")
    p("| N | Hugo wall (s) | Hugo peak RSS (MB) | Briefing wall (s) | Briefing peak RSS (MB) | Briefing ÷ Hugo (time) | Briefing ÷ Hugo (memory) | Hugo MB written | Briefing MB written |")
    p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, rows, ratio in same:
        h, b = rows.get("hugo"), rows.get("briefing")
        if not h or not b or not ratio:
            p(f"| {n} | failed: see same-job-{n}.txt | | | | | | | |")
            continue
        p(f"| {n} | {h[0]} | {h[1]} | {b[0]} | {b[1]} | {ratio.group(1)} | {ratio.group(2)} | {h[5]} | {b[5]} |")
    p("")
print("\n".join(out))
