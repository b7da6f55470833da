#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 60) under ASan+UBSan, seeded from fixtures/,
# tests/fuzz-regressions/ and ../shared/corpus, copied into the build dir (never committed).
# Usage: fuzz/run.sh BUILD_DIR [SHARED]. Exit 1 when a target crashed; the input is in
# BUILD_DIR/fuzz-artifacts/: add it to tests/fuzz-regressions/ once fixed.
set -euo pipefail
build=$1
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${2:-$root/../shared}
seconds=${FUZZ_SECONDS:-60}
seeds=$build/fuzz-seeds
rm -rf "$seeds" && mkdir -p "$seeds" "$build/fuzz-artifacts"
n=0
while IFS= read -r -d '' f; do
  cp "$f" "$seeds/seed-$n" && n=$((n + 1))
done < <(find "$root/fixtures" "$root/tests/fuzz-regressions" "$shared/corpus" -type f \
           \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size -64k -print0 2>/dev/null)
echo "fuzz: $n seed files, $seconds s per target"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for target in fuzz_yaml_loader fuzz_pipeline fuzz_parser_diff; do
  corpus=$build/fuzz-corpus/$target
  mkdir -p "$corpus"
  # Regressions first, alone: a crash they bring back is named plainly.
  if ls "$root"/tests/fuzz-regressions/* >/dev/null 2>&1; then
    "$build/fuzz/$target" "$root"/tests/fuzz-regressions/* >/dev/null 2>&1 || {
      echo "fuzz: $target crashes on a file of tests/fuzz-regressions/"; status=1; continue; }
  fi
  # The differential target's findings are yaml-cpp's own mistakes to classify by hand
  # (src/load/parser_diff.h), not regressions: FUZZ_DIFF_SECONDS=0 (make test) replays its seeds
  # without mutating them.
  budget=$seconds
  [ "$target" = fuzz_parser_diff ] && budget=${FUZZ_DIFF_SECONDS:-$seconds}
  mode=(-max_total_time="$budget")
  [ "$budget" = 0 ] && mode=(-runs=0)
  if ! "$build/fuzz/$target" "$corpus" "$seeds" "${mode[@]}" -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz-artifacts/$target-" >"$build/$target.log" 2>&1; then
    echo "fuzz: $target failed; last lines of $build/$target.log:"
    tail -40 "$build/$target.log"
    status=1
  else
    echo "fuzz: $target ok: $(grep -E 'stat::number_of_executed_units' "$build/$target.log" | awk '{print $2}') runs, $(grep -E 'stat::new_units_added' "$build/$target.log" | awk '{print $2}') new units"
  fi
done
exit $status
