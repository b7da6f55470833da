#!/usr/bin/env bash
# The HTML report's size and load time in headless Chromium, for the demo and for a ~10k-object
# audit (gen-corpus --seed 7, 6,500 files), plus a 20k-finding page; bench/RESULTS.md has the
# numbers. Load time is measured inside the page: a probe appended to a copy of the report
# forces layout after the report's own script ran and records performance.now() (milliseconds
# since navigation start: parse, script, style and layout). Each page is loaded RUNS times;
# the median is printed. Usage: bench/html_report.sh BUILD_DIR [SHARED]
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${2:-$root/../shared}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
browser=$(command -v chromium || command -v chromium-browser)

# load_ms FILE: median over $runs loads of the in-page time to a laid-out page.
load_ms() {
  cp "$1" "$work/probe.html"
  printf '%s\n' "<script>document.body.offsetHeight;document.documentElement.setAttribute('data-load-ms',performance.now().toFixed(0))</script>" >> "$work/probe.html"
  for _ in $(seq "$runs"); do
    "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
      --window-size=1280,1000 --dump-dom "file://$work/probe.html" 2>/dev/null |
      grep -o 'data-load-ms="[0-9]*"' | grep -o '[0-9]*'
  done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

row() {  # row NAME HTML
  local findings bytes
  findings=$(grep -c '<tr class="f"' "$2" || true)
  bytes=$(wc -c < "$2")
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$3" "$findings" "$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576}')" "$(load_ms "$2")"
}

"$shared/tools/gen-corpus" 6500 "$work/corpus" --seed 7 >/dev/null 2>&1
rm -f "$work/corpus/_corpus-index.jsonl"
cd "$root"
"$build/daprlint" --no-config --format html --fail-on none fixtures/demo > "$work/demo.html"
"$build/daprlint" --no-config --format html --fail-on none "$work/corpus" > "$work/corpus.html"
# 20k findings: opt-in rules too.
"$build/daprlint" --no-config --format html --fail-on none --select all "$work/corpus" > "$work/all.html"
objects() { "$build/daprlint" --no-config --format json --fail-on none "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["objects"])'; }
echo "chromium $("$browser" --version 2>/dev/null | awk '{print $2}'), $runs loads each, load average $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| report | objects | findings shown | size MiB | load ms (median) |"
echo "|---|---|---|---|---|"
row "demo (fixtures/demo)" "$work/demo.html" "$(objects fixtures/demo)"
row "gen-corpus 6,500 files, default rules" "$work/corpus.html" "$(objects "$work/corpus")"
row "gen-corpus 6,500 files, --select all" "$work/all.html" "$(objects "$work/corpus")"
