#!/usr/bin/env bash
# Renders every *.md in SRC with the cmark-gfm CLI into OUT (used by run.sh).
#   cmark-all.sh per-file SRC OUT JOBS   one cmark-gfm process per file, OUT/NAME.html each,
#                                        JOBS processes at a time (xargs -P), 100 files per shell
#   cmark-all.sh concat   SRC OUT        one cmark-gfm process over all files (it concatenates
#                                        its inputs into one document), OUT/all.html
set -euo pipefail
mode=$1 src=$2 out=$3 jobs=${4:-1}
flags=(--smart -e table -e strikethrough -e autolink -e tagfilter -e footnotes)
mkdir -p "$out"
case $mode in
  per-file)
    export OUT=$out
    find "$src" -maxdepth 1 -name '*.md' -print0 | sort -z |
      xargs -0 -r -P "$jobs" -n 100 bash -c '
        for f; do b=${f##*/}; cmark-gfm '"${flags[*]}"' "$f" > "$OUT/${b%.md}.html" || exit 255; done' _
    ;;
  concat)
    find "$src" -maxdepth 1 -name '*.md' -print0 | sort -z | xargs -0 -r cmark-gfm "${flags[@]}" > "$out/all.html"
    ;;
  *) echo "cmark-all.sh: unknown mode $mode" >&2; exit 2 ;;
esac
