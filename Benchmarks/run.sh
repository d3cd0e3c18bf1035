#!/usr/bin/env bash
# Benchmarks Briefing against Hugo and the cmark-gfm CLI on N copies of the seed essay,
# measures edit-to-served latency of `briefing serve` and `hugo server`, the build cache
# (a rebuild after nothing changed and after one seed changed) and the bytes written per
# briefing, and runs the same-job Hugo comparison (../shared/bench/hugo_same_job).
#
#   Benchmarks/run.sh [N ...]        default: 1 100 1000
#
# Environment:
#   RUNS=3          timed runs per tool and N (the median is reported)
#   EDITS=5         edits per server in the latency test
#   LATENCY=1       0 skips the latency test
#   LATENCY_N=      N for the latency test and the cache test (default: the largest N <= 1000 given)
#   CACHE=1         0 skips the cache test (cold build, no-change and one-seed rebuilds)
#   SAME_JOB=DIR    the same-job Hugo comparison (default: ROOT/../shared/bench/hugo_same_job;
#                   0 skips it); SAME_JOB_SIZES="100 1000"
#   SKIP_BUILD=1    use .build/release/briefing as it is
#   WORK=DIR        where inputs and outputs go (default: Benchmarks/.work, gitignored)
#   RESULTS=FILE    where the report is copied (default: Benchmarks/results-latest.md)
#   KEEP=1          keep the generated inputs in WORK afterwards (default: deleted)
#
# Prints a Markdown report and writes it to Benchmarks/results-latest.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
RUNS=${RUNS:-3}
EDITS=${EDITS:-5}
LATENCY=${LATENCY:-1}
CACHE=${CACHE:-1}
SAME_JOB=${SAME_JOB:-$ROOT/../shared/bench/hugo_same_job}
SAME_JOB_SIZES=${SAME_JOB_SIZES:-100 1000}
WORK=${WORK:-$HERE/.work}
SEED=000_5c98944540f2f0af
BIN=$ROOT/.build/release/briefing
JOBS=$(nproc)
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1 100 1000); fi
for n in "${SIZES[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: N must be a positive integer, got '$n'" >&2; exit 2; }
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: RUNS must be a positive integer" >&2; exit 2; }

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }

# ---------------------------------------------------------------- tools
install_missing() {
  local need=()
  command -v hugo >/dev/null || need+=(hugo)
  command -v cmark-gfm >/dev/null || need+=(cmark-gfm)
  [ -x /usr/bin/time ] || need+=(time)
  command -v curl >/dev/null || need+=(curl)
  command -v python3 >/dev/null || need+=(python3)
  python3 -c "import yaml" 2>/dev/null || need+=(python3-yaml)
  if [ ${#need[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    log "installing ${need[*]} (apt-get)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

build_briefing() {
  if [ "${SKIP_BUILD:-0}" = 1 ] && [ -x "$BIN" ]; then return; fi
  if [ -x "$BIN" ] && [ -z "$(cd "$ROOT" && find Sources Package.swift -newer "$BIN" -print -quit)" ]; then
    return
  fi
  local attempt
  for attempt in 1 2 3; do
    log "building release briefing (attempt $attempt)"
    if (cd "$ROOT" && swift build -c release --product briefing >"$WORK/swift-build.log" 2>&1); then return; fi
    tail -5 "$WORK/swift-build.log" >&2
    [ $attempt -lt 3 ] && sleep 60
  done
  if [ -x "$BIN" ]; then
    log "WARNING: release build failed; benchmarking the existing $BIN"
    BUILD_NOTE="release build failed at run time (sources mid-edit?); the previously built binary was used"
  else
    echo "run.sh: cannot build briefing (see $WORK/swift-build.log)" >&2; exit 1
  fi
}

# ---------------------------------------------------------------- discarded files
# This machine's root file system is ext4 without a journal. There, a new inode is not
# taken from those freed in the last 30 seconds (5 minutes while their table is not yet
# written back): the allocator steps over each of them, so creating files right after
# deleting thousands costs far more than creating them on a quiet disk, and the tool run
# after a deletion pays for it. Outputs and old inputs are therefore moved aside, which
# frees nothing, and deleted once every measurement is done; with too little free space
# they are deleted at once.
TRASH=$WORK/.trash
discard() {
  local path
  for path in "$@"; do
    [ -e "$path" ] || continue
    if [ "$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')" -gt $(( 10 * 1024 * 1024 )) ]; then
      mkdir -p "$TRASH"
      mv "$path" "$TRASH/$(date +%s%N)-$RANDOM" 2>/dev/null || rm -rf "$path"
    else
      rm -rf "$path"
    fi
  done
}

# ---------------------------------------------------------------- servers
SERVER_PIDS=()
cleanup() {
  rm -rf "$TRASH"
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  SERVER_PIDS=()
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# guard PID: a watcher that stops the server PID once this script is gone, however it
# ended (the EXIT trap covers normal ends and errors; a signal may kill bash before its
# trap runs, and nothing runs after SIGKILL).
guard() {
  local pid=$1 me=$$
  ( trap '' INT TERM HUP
    while kill -0 "$me" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null; sleep 3; kill -KILL "$pid" 2>/dev/null
    fi ) </dev/null >/dev/null 2>&1 &
}

stop_server() {
  local pid=$1 rest=() p
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${SERVER_PIDS[@]}"; do [ "$p" = "$pid" ] || rest+=("$p"); done
  SERVER_PIDS=("${rest[@]}")
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# fetch URL: the body on stdout ("" if the request fails)
fetch() { curl -fsS --max-time 5 "$1" 2>/dev/null || true; }

# wait_for_text URL TEXT TIMEOUT_S: polls every 2 ms; 0 once the page holds TEXT
wait_for_text() {
  local url=$1 text=$2 deadline=$(( $(now_us) + $3 * 1000000 )) body
  while :; do
    body=$(fetch "$url")
    [[ $body == *"$text"* ]] && return 0
    [ "$(now_us)" -lt $deadline ] || return 1
    sleep 0.002
  done
}

count_lines() { grep -c -- "$2" "$1" 2>/dev/null || true; }

# latency_test LABEL URL FILE LOG PATTERN: EDITS edits of FILE, each timed until URL shows it
latency_test() {
  local label=$1 url=$2 file=$3 logf=$4 pattern=$5 i old new before dir base
  dir=$(dirname "$file"); base=$(basename "$file")
  old=$(grep -o 'receive [a-z0-9]* different answers' "$file" | head -1 | cut -d' ' -f2)
  # what one poll costs: the page fetched 20 times, the median
  printf '%s\tpoll\t0\t%s\n' "$label" "$(python3 "$HERE/edit_poll.py" --cost "$url")" >>"$WORK/latency.tsv"
  local elapsed
  for i in $(seq "$EDITS"); do
    new="edit${i}$(printf '%05d' $RANDOM | tr 0-9 a-j)"
    sed "s/receive $old different answers/receive $new different answers/" "$file" >"$dir/.$base.tmp"
    before=$(count_lines "$logf" "$pattern")
    # The rename and the polls in one process, timed from the rename.
    elapsed=$(python3 "$HERE/edit_poll.py" "$dir/.$base.tmp" "$file" "$url" "receive $new different" 300)
    if [ "$elapsed" != TIMEOUT ]; then
      printf '%s\tedit\t%s\t%s\n' "$label" "$i" "$elapsed" >>"$WORK/latency.tsv"
      log "$label: edit $i served after $(( elapsed / 1000 )) ms"
    else
      printf '%s\tedit\t%s\tTIMEOUT\n' "$label" "$i" >>"$WORK/latency.tsv"
      log "$label: edit $i not served within 300 s"
    fi
    old=$new
    # let the rebuild finish (its log line) before the next edit
    local deadline=$(( $(now_us) + 120000000 ))
    while [ "$(count_lines "$logf" "$pattern")" -le "$before" ] && [ "$(now_us)" -lt $deadline ]; do sleep 0.05; done
    sleep 0.5
  done
}

run_latency() {
  local n=$1 dir=$WORK/n$n k name token pid port url started ready logf
  k=$(( (n + 1) / 2 ))
  name=$(awk -F'\t' -v k="$k" '$1 == k { print $2 }' "$dir/manifest.tsv")
  token=$(awk -F'\t' -v k="$k" '$1 == k { print $4 }' "$dir/manifest.tsv")

  # --- briefing serve, starting from the cache a `briefing build` into its folder left
  logf=$WORK/serve-briefing.log
  discard "$dir/serve-out"
  "$BIN" build --source "$dir/briefing" --output "$dir/serve-out" --quiet
  started=$(now_us)
  "$BIN" serve --source "$dir/briefing" --output "$dir/serve-out" --port 0 >"$logf" 2>&1 &
  pid=$!; SERVER_PIDS+=("$pid"); guard "$pid"
  local deadline=$(( $(now_us) + 900000000 ))
  until grep -q '^serving .* at http://' "$logf"; do
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: briefing serve exited:" >&2; tail "$logf" >&2; exit 1; }
    [ "$(now_us)" -lt $deadline ] || { echo "run.sh: briefing serve not ready in 900 s" >&2; exit 1; }
    sleep 0.05
  done
  port=$(grep -o '^serving .* at http://127.0.0.1:[0-9]*' "$logf" | head -1 | sed 's/.*://')
  local page slug
  page=$(grep -lF "receive $token different" "$dir"/serve-out/*/index.html | head -1)
  slug=$(basename "$(dirname "$page")")
  url="http://127.0.0.1:$port/$slug/"
  wait_for_text "$url" "receive $token different" 60 || { echo "run.sh: $url does not serve the briefing" >&2; exit 1; }
  ready=$(now_us)
  printf 'briefing serve\tstartup\t0\t%s\n' "$(( ready - started ))" >>"$WORK/latency.tsv"
  log "briefing serve ready on $url after $(( (ready - started) / 1000 )) ms"
  printf 'briefing serve\trss-start\t0\t%s\n' "$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")" >>"$WORK/latency.tsv"
  latency_test "briefing serve" "$url" "$dir/briefing/seeds/$name.txt" "$logf" '^rebuilt '
  grep -o '^rebuilt .* in [0-9]* ms' "$logf" | sed 's/.* in \([0-9]*\) ms/\1/' | tail -n +2 |
    sed 's/^/briefing serve\treported\t0\t/' >>"$WORK/latency.tsv"
  printf 'briefing serve\trss-peak\t0\t%s\n' "$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")" >>"$WORK/latency.tsv"
  stop_server "$pid"

  # --- hugo server, in memory (its default) and rendering to disk like briefing serve
  local variant extra
  for variant in memory disk; do
    extra=()
    [ $variant = disk ] && extra=(--renderToDisk --destination "$dir/hugo-serve-out")
    discard "$dir/hugo-serve-out"
    logf=$WORK/serve-hugo-$variant.log
    port=$(free_port)
    url="http://127.0.0.1:$port/b/$name/"
    started=$(now_us)
    hugo server --source "$dir/hugo" --bind 127.0.0.1 --port "$port" --appendPort=false \
      --baseURL "http://127.0.0.1:$port/" --disableFastRender --ignoreCache --watch "${extra[@]}" >"$logf" 2>&1 &
    pid=$!; SERVER_PIDS+=("$pid"); guard "$pid"
    local current
    current=$(grep -o 'receive [a-z0-9]* different answers' "$dir/hugo/content/b/$name.md" | head -1 | cut -d' ' -f2)
    wait_for_text "$url" "receive $current different" 600 || { echo "run.sh: hugo server not ready:" >&2; tail "$logf" >&2; exit 1; }
    ready=$(now_us)
    printf 'hugo server (%s)\tstartup\t0\t%s\n' "$variant" "$(( ready - started ))" >>"$WORK/latency.tsv"
    log "hugo server ($variant) ready on $url after $(( (ready - started) / 1000 )) ms"
    latency_test "hugo server ($variant)" "$url" "$dir/hugo/content/b/$name.md" "$logf" '^Total in '
    grep -o '^Total in [0-9.]* ms' "$logf" | sed 's/Total in \([0-9.]*\) ms/\1/' |
      sed "s/^/hugo server ($variant)\treported\t0\t/" >>"$WORK/latency.tsv"
    stop_server "$pid"
  done
  printf '%s\n' "$n" >"$WORK/latency-n"
  discard "$dir/serve-out" "$dir/hugo-serve-out"
}

# ---------------------------------------------------------------- builds
# measure N TOOL RUN: one timed build into a fresh folder; appends to builds.tsv
measure() {
  local n=$1 tool=$2 run=$3 dir=$WORK/n$1 out rc t0 t1 rss pages bytes
  out=$dir/out-$tool
  discard "$out" "$dir/.out-$tool".briefing-*
  local cmd
  case $tool in
    briefing) cmd=("$BIN" build --source "$dir/briefing" --output "$out" --quiet) ;;
    hugo) cmd=(hugo --quiet --source "$dir/hugo" --destination "$out" --ignoreCache) ;;
    cmark-gfm) cmd=("$HERE/cmark-all.sh" per-file "$dir/cmark" "$out" "$JOBS") ;;
    cmark-gfm-concat) cmd=("$HERE/cmark-all.sh" concat "$dir/cmark" "$out") ;;
  esac
  sync
  t0=$(now_us)
  # GNU time: peak RSS (KB), then user and system CPU seconds of the tool and the
  # processes it waited for.
  if /usr/bin/time -f '%M %U %S' -o "$WORK/rss.txt" "${cmd[@]}" >"$WORK/tool.out" 2>"$WORK/tool.err"; then rc=0; else rc=$?; fi
  t1=$(now_us)
  local usage cpu
  usage=$(tail -1 "$WORK/rss.txt")
  rss=${usage%% *}
  cpu=$(awk '{ printf "%d", ($2 + $3) * 1000000 }' <<<"$usage" 2>/dev/null || echo 0)
  if [ $rc -ne 0 ]; then
    log "$tool N=$n run $run FAILED (exit $rc):"; tail -20 "$WORK/tool.err" >&2
    printf '%s\t%s\t%s\t%s\t%s\t0\t0\tFAILED(%s)\t0\n' "$n" "$tool" "$run" "$(( t1 - t0 ))" "${rss:-0}" "$rc" >>"$WORK/builds.tsv"
  else
    pages=$(find "$out" -name '*.html' | wc -l)
    bytes=$(du -sb "$out" | cut -f1)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\tok\t%s\n' "$n" "$tool" "$run" "$(( t1 - t0 ))" "$rss" "$pages" "$bytes" "$cpu" >>"$WORK/builds.tsv"
    log "$tool N=$n run $run: $(( (t1 - t0) / 1000 )) ms, CPU $(( cpu / 1000 )) ms, $pages pages, peak RSS $(( rss / 1024 )) MB"
  fi
  discard "$out"
}

# timed CMD...: wall time (us) and peak RSS (KB) of one run, tab-separated, on stdout
timed() {
  local t0 t1
  sync
  t0=$(now_us)
  /usr/bin/time -f '%M' -o "$WORK/rss.txt" "$@" >"$WORK/tool.out" 2>"$WORK/tool.err" || { tail -5 "$WORK/tool.err" >&2; return 1; }
  t1=$(now_us)
  printf '%s\t%s\n' "$(( t1 - t0 ))" "$(tail -1 "$WORK/rss.txt")"
}

# run_cache N: `briefing build` with its cache: a build from nothing, RUNS rebuilds with
# nothing changed, RUNS rebuilds after one seed changed (a word, as in the latency test);
# and the bytes the build wrote per briefing.
run_cache() {
  local n=$1 dir=$WORK/n$1 out k name file old new run
  out=$dir/cache-out
  discard "$out" "$dir/briefing/.briefing-cache"
  local cmd=("$BIN" build --source "$dir/briefing" --output "$out" --quiet)
  printf 'cold\t1\t%s\n' "$(timed "${cmd[@]}")" >>"$WORK/cache.tsv"
  for run in $(seq "$RUNS"); do printf 'unchanged\t%s\t%s\n' "$run" "$(timed "${cmd[@]}")" >>"$WORK/cache.tsv"; done
  k=$(( (n + 1) / 2 ))
  name=$(awk -F'\t' -v k="$k" '$1 == k { print $2 }' "$dir/manifest.tsv")
  file=$dir/briefing/seeds/$name.txt
  for run in $(seq "$RUNS"); do
    old=$(grep -o 'receive [a-z0-9]* different answers' "$file" | head -1 | cut -d' ' -f2)
    new="cache${run}$(printf '%05d' $RANDOM | tr 0-9 a-j)"
    sed "s/receive $old different answers/receive $new different answers/" "$file" >"$file.tmp" && mv -f "$file.tmp" "$file"
    printf 'one-seed\t%s\t%s\n' "$run" "$(timed "${cmd[@]}")" >>"$WORK/cache.tsv"
    grep -q "receive $new different" "$out"/*/index.html || { echo "run.sh: the rebuild did not bring the edit" >&2; exit 1; }
  done
  local slug total per
  slug=$(basename "$(dirname "$(grep -l "receive $new different" "$out"/*/index.html | head -1)")")
  total=$(du -sb "$out" | cut -f1)
  per=$(find "$out/$slug" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  printf 'bytes\t%s\t%s\t%s\n' "$n" "$total" "$per" >>"$WORK/cache.tsv"
  find "$out/$slug" -type f -printf '%P\t%s\n' | sort >"$WORK/cache-files.tsv"
  printf '%s\n' "$n" >"$WORK/cache-n"
  log "cache N=$n: $(grep -c . "$WORK/cache.tsv") measurements"
  discard "$out"
}

# run_same_job N: the same-job Hugo comparison, its output kept for the report
run_same_job() {
  local n=$1
  [ "$SAME_JOB" != 0 ] && [ -x "$SAME_JOB/run_same_job.sh" ] || return 0
  log "same job as Hugo, N=$n"
  # The runner reads one model file on its own: give it the model with the register's definitions in it.
  local seed
  seed=$(python3 "$HERE/standalone_seed.py" "$WORK/same-job-seed")
  (cd "$ROOT" && BRIEFING=$BIN SEED=$seed RUNS=$RUNS WAIT_IDLE=0 CLEAN=end TMPDIR=$WORK "$SAME_JOB/run_same_job.sh" "$n") \
    >"$WORK/same-job-$n.txt" 2>&1 || { tail -5 "$WORK/same-job-$n.txt" >&2; echo "run.sh: the same-job run failed" >&2; }
}

generate() {
  python3 "$HERE/gen.py" "$1" "$2" --txt "$ROOT/seeds/$SEED.txt" --yml "$ROOT/seeds/$SEED.yml" \
    --md "$WORK/seed.md" --templates "$ROOT/Templates" --hugo-site "$HERE/hugo-site"
}

# ---------------------------------------------------------------- main
mkdir -p "$WORK"
BUILD_NOTE=""
install_missing
build_briefing
: >"$WORK/builds.tsv"; : >"$WORK/latency.tsv"; : >"$WORK/gen.tsv"; : >"$WORK/cache.tsv"; rm -f "$WORK/latency-n" "$WORK/cache-n" "$WORK"/same-job-*.txt
discard "$WORK"/n[0-9]* "$WORK/check"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
seed_sum() { cat "$ROOT/seeds/$SEED.txt" "$ROOT/seeds/$SEED.yml" | sha256sum | cut -c1-12; }
SEED_SUM=$(seed_sum)
BENCH_START=$(now_us)

"$BIN" convert "$ROOT/seeds/$SEED.txt" >"$WORK/seed.md"

# The generated models must still resolve: check one copy.
generate 1 "$WORK/check"
if "$BIN" check --source "$WORK/check/briefing" >"$WORK/check.log" 2>&1; then
  CHECK="ok: \`briefing check\` on a generated N=1 site passed ($(grep -o '[0-9]* files would be built' "$WORK/check.log" || true))"
else
  cat "$WORK/check.log" >&2; echo "run.sh: briefing check failed on the generated site" >&2; exit 1
fi
log "$CHECK"

LAT_N=${LATENCY_N:-}
if [ -z "$LAT_N" ]; then
  for n in "${SIZES[@]}"; do [ "$n" -le 1000 ] && { [ -z "$LAT_N" ] || [ "$n" -gt "$LAT_N" ]; } && LAT_N=$n; done
fi

for n in "${SIZES[@]}"; do
  t0=$(now_us)
  generate "$n" "$WORK/n$n"
  t1=$(now_us)
  printf '%s\t%s\n' "$n" "$(( t1 - t0 ))" >>"$WORK/gen.tsv"
  log "generated N=$n in $(( (t1 - t0) / 1000 )) ms"
  for run in $(seq "$RUNS"); do
    for tool in briefing hugo cmark-gfm cmark-gfm-concat; do measure "$n" "$tool" "$run"; done
  done
  if [ "$LATENCY" = 1 ] && [ "$n" = "$LAT_N" ]; then run_latency "$n"; fi
  if [ "$CACHE" = 1 ] && [ "$n" = "$LAT_N" ]; then run_cache "$n"; fi
done
cleanup
for n in $SAME_JOB_SIZES; do run_same_job "$n"; done

# ---------------------------------------------------------------- report
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "nproc=$(nproc)"
  echo "memory=$(free -h | awk '/^Mem:/ { print $2 }')"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "load_start=$LOAD_START"
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "elapsed_s=$(( ($(now_us) - BENCH_START) / 1000000 ))"
  echo "runs=$RUNS"
  echo "edits=$EDITS"
  echo "jobs=$JOBS"
  echo "briefing=$(sha256sum "$BIN" | cut -c1-12), built $(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC')"
  echo "swift=$(swift --version 2>/dev/null | grep -m1 -o 'Swift version [^ ]*' || echo '?')"
  echo "hugo=$(hugo version | cut -d' ' -f1-2)"
  echo "cmark=$(cmark-gfm --version | head -1 | cut -d' ' -f1-2)"
  echo "check=$CHECK"
  echo "seed=seeds/$SEED.txt + .yml, sha256 $SEED_SUM, model modified $(date -u -r "$ROOT/seeds/$SEED.yml" '+%Y-%m-%d %H:%M UTC')"
  [ "$(seed_sum)" = "$SEED_SUM" ] || BUILD_NOTE="$BUILD_NOTE; the seed or its model changed during the run (N generated after the change used the new one)"
  echo "build_note=${BUILD_NOTE#; }"
  echo "sizes=${SIZES[*]}"
} >"$WORK/env.txt"
python3 "$HERE/report.py" "$WORK" | tee "$WORK/report.md"
cp "$WORK/report.md" "${RESULTS:-$HERE/results-latest.md}"
[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"/n[0-9]* "$WORK/check"
log "report written to ${RESULTS:-$HERE/results-latest.md}"
