#!/usr/bin/env bash
# rules/facts/ is generated from ../shared/dapr by tools/gen-release-facts (`make facts`) and
# committed; this test regenerates it into a temporary folder and fails when the two differ, so a
# change to ../shared (or to the generator) cannot leave stale facts behind.
# Usage: tests/facts_drift_test.sh SHARED_DIR   (exit 77: SHARED_DIR/dapr is missing, skipped)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:?usage: tests/facts_drift_test.sh SHARED_DIR}
if [ ! -d "$shared/dapr" ]; then
  echo "SKIPPED: $shared/dapr not found; the release facts cannot be checked against ../shared"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/tools/gen-release-facts" "$shared" "$tmp/facts"
cd "$root"
if ! diff -ru rules/facts "$tmp/facts" > "$tmp/diff"; then
  echo "rules/facts drifted from ../shared: run 'make facts' and commit"
  cat "$tmp/diff"
  exit 1
fi
echo "ok: rules/facts matches ../shared ($(find rules/facts -type f | wc -l) files)"
