#!/usr/bin/env bash
# Does every rule cost O(objects)? Lints a ~10k- and a ~100k-object stream from
# ../shared/tools/gen-corpus with --timings and prints each rule's time at both sizes and the
# ratio: ~10x is linear, ~100x would be quadratic. Usage: bench/rule_scaling.sh BIN [SHARED]
set -euo pipefail
bin=$1
shared=${2:-$(cd "$(dirname "$0")/../../shared" && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

stream() {  # stream FILES OUT: one multi-document file from gen-corpus output
  "$shared/tools/gen-corpus" --seed 7 "$1" "$work/gen-$1" >/dev/null
  find "$work/gen-$1" -name '*.yaml' | sort | xargs awk 'FNR == 1 && NR > 1 {print "---"} {print}' >"$2"
  rm -rf "$work/gen-$1"
}
times() {  # times FILE OUT: "phase ms" per line
  "$bin" --timings --fail-on none --format json "$1" 2>&1 >/dev/null |
    sed -n 's/^daprlint: timing *\([0-9.]*\) ms  \(.*\)$/\2 \1/p' | sort >"$2"
}

stream 6500 "$work/small.yaml"
stream 65000 "$work/large.yaml"
times "$work/small.yaml" "$work/small.txt"
times "$work/large.yaml" "$work/large.txt"
echo "objects: $(grep -c '^kind:' "$work/small.yaml") and $(grep -c '^kind:' "$work/large.yaml")"
join "$work/small.txt" "$work/large.txt" |
  awk '{ratio = ($2 > 0.05) ? sprintf("%6.1fx", $3 / $2) : "     -"; printf "%-34s %10.2f ms %10.2f ms %s\n", $1, $2, $3, ratio}' |
  sort -k3 -n -r
