#!/usr/bin/env bash
# docs/ci/github-actions.yml against the GitHub Actions workflow schema (action-validator, from the
# npm registry on first use): a misspelled key such as `runs_on` or `permision` is caught here,
# where a YAML parse and the command checks of integrations_test would let it through.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools=${XDG_CACHE_HOME:-$HOME/.cache}/daprlint-ci-tools
validator=$tools/node_modules/.bin/action-validator
if [ ! -x "$validator" ] || ! cmp -s "$root/tests/ci-tools/package.json" "$tools/package.json"; then
  mkdir -p "$tools" && cp "$root/tests/ci-tools/package.json" "$tools/" &&
    (cd "$tools" && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1) ||
    { echo "FAIL: could not install action-validator with npm into $tools"; exit 1; }
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND... : the command must succeed
  local name=$1; shift
  if "$@" >"$tmp/out" 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; cat "$tmp/out"; fi
}

check "docs/ci/github-actions.yml is a valid workflow" "$validator" "$root/docs/ci/github-actions.yml"
# The validator must reject a broken copy, or the check above proves nothing.
sed 's/runs-on:/runs_on:/' "$root/docs/ci/github-actions.yml" > "$tmp/broken.yml"
check "a misspelled key is rejected" bash -c "! '$validator' '$tmp/broken.yml'"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
