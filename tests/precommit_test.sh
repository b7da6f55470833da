#!/usr/bin/env bash
# The pre-commit integration as a user runs it: pre-commit itself validates the hook manifest and
# the example config, then runs the hooks of this checkout in a scratch manifest repository.
# usage: precommit_test.sh DAPRLINT_BINARY
set -uo pipefail
bin=$1
source "$(dirname "$0")/lib.sh"
export PRE_COMMIT_HOME=$tmp/cache PATH="$(dirname "$bin"):$PATH"  # language: system finds daprlint
rc() { "$@" >"$tmp/out" 2>&1; echo $?; }  # keeps the output for the checks below

check "pre-commit validates .pre-commit-hooks.yaml" pre-commit validate-manifest "$root/.pre-commit-hooks.yaml"
check "pre-commit validates the example config" pre-commit validate-config "$root/docs/ci/pre-commit-config.yaml"

# A manifest repository: the demo (an error among its findings) and one clean manifest.
repo=$tmp/manifests
git init -q "$repo" && cp "$root"/fixtures/demo/*.yaml "$repo/"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n' > "$repo/clean.yaml"
git -C "$repo" add .
cd "$repo" || exit 1

check "hook daprlint fails on the demo" test "$(rc pre-commit try-repo "$root" daprlint --all-files)" = 1
check "hook daprlint prints findings as file:line:col" grep -qE '^checkout\.yaml:[0-9]+:[0-9]+: warning: .*\[sc-api-token-missing\]' "$tmp/out"
check "hook daprlint passes a clean manifest" test "$(rc pre-commit try-repo "$root" daprlint --files clean.yaml)" = 0
check "hook daprlint-all lints the whole repository" test "$(rc pre-commit try-repo "$root" daprlint-all --files clean.yaml)" = 1
check "hook daprlint-all: findings of files not passed" grep -q 'checkout\.yaml:' "$tmp/out"

# The example config as a user copies it, with its placeholders pointing at this checkout.
sed -e "s#https://github.com/OWNER/daprlint#$root#" -e "s#rev: v0.1.0#rev: $(git -C "$root" rev-parse HEAD)#" \
  "$root/docs/ci/pre-commit-config.yaml" > .pre-commit-config.yaml
git add .pre-commit-config.yaml
check "example config: the commit hook refuses the demo's error" test "$(rc pre-commit run --all-files)" = 1
check "example config: the commit hook ran daprlint" grep -q '\[cp-' "$tmp/out"
check "example config: the manual hook runs on request" test "$(rc pre-commit run --hook-stage manual daprlint-all)" = 1
check "example config: the manual hook ran daprlint" grep -q '\[cp-' "$tmp/out"

finish pre-commit
