#!/usr/bin/env bash
# Validates the SARIF daprlint emits (golden input, the committed golden file, demo, an empty
# run) with the shared validator: SARIF 2.1.0 schema, SARIF multitool and GitHub's ingestion rules.
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${DAPRLINT_SHARED:-$root/../shared}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --format sarif --fail-on none --now 2027-06-01 fixtures/golden/input.yaml > "$tmp/golden.sarif"
"$bin" --format sarif --fail-on none fixtures/demo > "$tmp/demo.sarif"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: y}\n' > "$tmp/clean.yaml"
(cd "$tmp" && "$bin" --format sarif clean.yaml > clean.sarif)
grep -q '"results": \[\]' "$tmp/clean.sarif"
cp tests/golden/expected.sarif "$tmp/committed-golden.sarif"
# Suppressions of both kinds (the golden input's comments, an exemption) and baselineState.
printf 'exemptions:\n  - {kind: Secret, reason: "rotated by cert-manager"}\n' > "$tmp/config.yaml"
"$bin" --no-config --write-baseline "$tmp/baseline.json" fixtures/demo > /dev/null || true
"$bin" --config "$tmp/config.yaml" --baseline "$tmp/baseline.json" --format sarif --fail-on none \
  --now 2027-06-01 fixtures/golden/input.yaml > "$tmp/suppressed.sarif"
grep -q '"kind": "external"' "$tmp/suppressed.sarif"
grep -q '"baselineState": "new"' "$tmp/suppressed.sarif"
status=0
for f in golden committed-golden demo clean suppressed; do
  "$shared/tools/validate-sarif" "$tmp/$f.sarif" | tail -1 | tee "$tmp/$f.out"
  grep -q ': OK (' "$tmp/$f.out" || status=1
done
exit $status
