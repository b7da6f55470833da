#!/usr/bin/env bash
# `make bench`: lints gen-corpus corpora (1k, 10k, 100k objects as many files; one ~100 MB
# `kind: List` export) and the yaml-cpp and libyaml event-scan floors on the same bytes, and prints one
# Markdown table: wall time, MB/s, objects/s, peak RSS, and the ratio daprlint / floor.
# Usage: bench/run.sh BUILD_DIR [SHARED] (BUILD_DIR holds daprlint and bench/*_scan_floor).
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${2:-$root/../shared}
jobs_flag=${BENCH_DAPRLINT_FLAGS:-}
work=${BENCH_WORK:-$(mktemp -d)}
keep=${BENCH_KEEP:-}
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

# gen-corpus writes ~1.55 documents per file: N files give about 1.55 N objects.
gen() {  # gen NAME FILES
  [ -d "$work/$1" ] || "$shared/tools/gen-corpus" "$2" "$work/$1" --seed 7 >/dev/null 2>&1
  rm -f "$work/$1/_corpus-index.jsonl"
}
gen files-1k 650
gen files-10k 6500
gen files-100k 65000
# One List export of ~100 MB: every gen-corpus document becomes an item (indented under items:).
if [ ! -f "$work/list-100mb.yaml" ]; then
  gen list-src 80000
  find "$work/list-src" -name '*.yaml' | sort |
    xargs awk 'FNR == 1 && NR > 1 {print "---"} {print}' | python3 -c '
import sys
out = sys.stdout
out.write("apiVersion: v1\nkind: List\nmetadata: {resourceVersion: \"\"}\nitems:\n")
doc = []
def flush():
    lines = [l for l in doc if l.strip() and not l.startswith("#")]
    if lines:
        out.write("- " + lines[0] + "\n")
        for l in lines[1:]:
            out.write("  " + l + "\n")
    doc.clear()
for line in sys.stdin:
    line = line.rstrip("\n")
    if line == "---":
        flush()
    else:
        doc.append(line)
flush()
' >"$work/list-100mb.yaml"
  rm -rf "$work/list-src"
fi

measure() {  # measure CMD...: prints "seconds peak_rss_kb"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >"$work/out.txt" 2>/dev/null || true
  cat "$work/time.txt"
}
echo "| input | MB | objects | daprlint s | MB/s | objects/s | peak RSS MB | floor s | floor RSS MB | daprlint / floor | libyaml floor s | libyaml floor RSS MB | daprlint / libyaml floor |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for input in files-1k files-10k files-100k list-100mb.yaml; do
  path=$work/$input
  bytes=$(du -sb --apparent-size "$path" | cut -f1)
  read -r d_s d_kb < <(measure "$build/daprlint" $jobs_flag --fail-on none --format json "$path")
  objects=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["objects"])' "$work/out.txt")
  read -r f_s f_kb < <(measure "$build/bench/yaml_scan_floor" "$path")
  read -r l_s l_kb < <(measure "$build/bench/libyaml_scan_floor" "$path")
  python3 - "$input" "$bytes" "$objects" "$d_s" "$d_kb" "$f_s" "$f_kb" "$l_s" "$l_kb" <<'PY'
import sys
name, b, o, ds, dk, fs, fk, ls, lk = sys.argv[1:]
b, o, ds, dk, fs, fk, ls, lk = int(b), int(o), float(ds), int(dk), float(fs), int(fk), float(ls), int(lk)
mb = b / 1e6
safe = lambda t: max(t, 0.01)
print(f"| {name} | {mb:.1f} | {o} | {ds:.2f} | {mb / safe(ds):.1f} | {o / safe(ds):,.0f} | "
      f"{dk / 1024:.0f} | {fs:.2f} | {fk / 1024:.0f} | {ds / safe(fs):.2f}x | "
      f"{ls:.2f} | {lk / 1024:.0f} | {ds / safe(ls):.2f}x |")
PY
done
