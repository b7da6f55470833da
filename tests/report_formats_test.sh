#!/usr/bin/env bash
# The junit and markdown formats as their consumers read them: the JUnit XML against the
# Ant/Jenkins JUnit schema (tests/junit.xsd, xmllint) and the Markdown through GitHub's
# CommonMark renderer (cmark-gfm, with its table extension, which plain cmark lacks).
# Usage: report_formats_test.sh DAPRLINT
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source "$(dirname "$0")/lib.sh"
cd "$root"
for tool in xmllint cmark-gfm; do
  if ! command -v $tool >/dev/null; then
    # CI installs both (Makefile DEPS: libxml2-utils, cmark-gfm): there a missing tool fails.
    [ -n "${CI:-}" ] && { echo "FAIL: $tool is not installed (make deps)"; exit 1; }
    echo "SKIP: $tool is not installed (make deps installs it)"; exit 77
  fi
done
lint() { "$bin" --no-config --now 2027-06-01 "$@"; }
xpath() { xmllint --xpath "$1" "$2" 2>/dev/null; }

# A manifest whose messages quote markup, entities, a pipe, a mention, an issue reference,
# and a control character (bytes that are not UTF-8: tests/unit/report_formats_test.cpp).
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      annotations:\n        dapr.io/enabled: "true"\n        dapr.io/app-id: web\n        dapr.io/sidecar-cpu-request: "<script>x</script> & | @team #1 \\u0001"\n    spec:\n      containers: [{name: web, image: web:1}]\n' > "$tmp/hostile.yaml"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: y}\n' > "$tmp/clean.yaml"

## JUnit
lint --format junit --fail-on none fixtures/golden/input.yaml > "$tmp/none.xml"
lint --format junit --fail-on error fixtures/golden/input.yaml > "$tmp/error.xml"
lint --format junit --fail-on warning --output "$tmp/warning.xml" fixtures/golden/input.yaml
lint --format junit --omit-suppressed fixtures/golden/input.yaml > "$tmp/omitted.xml"
lint --format junit --fail-on note "$tmp/hostile.yaml" > "$tmp/hostile.xml"
(cd "$tmp" && lint --format junit clean.yaml > clean.xml)
lint --write-baseline "$tmp/baseline.json" fixtures/golden/input.yaml >/dev/null
lint --format junit --baseline "$tmp/baseline.json" fixtures/golden/input.yaml > "$tmp/baseline.xml"
for f in none error warning omitted hostile clean baseline; do
  check "junit $f validates against tests/junit.xsd" xmllint --noout --schema tests/junit.xsd "$tmp/$f.xml"
done
check "the committed golden validates" xmllint --noout --schema tests/junit.xsd tests/golden/expected.junit
# The schema must reject what CIs reject, or the checks above prove nothing.
sed 's/<testcase name=/<testcase nme=/' "$tmp/error.xml" > "$tmp/broken.xml"
check "a test case without a name is rejected" bash -c "! xmllint --noout --schema tests/junit.xsd '$tmp/broken.xml'"
sed 's/failures="[0-9]*"/failures="many"/' "$tmp/error.xml" > "$tmp/broken2.xml"
check "a count that is not a number is rejected" bash -c "! xmllint --noout --schema tests/junit.xsd '$tmp/broken2.xml'"
# The golden input's errors are on 6 distinct rule-and-object pairs; --fail-on none fails none.
check "--fail-on error: a failure per rule and object with an error" [ "$(xpath 'count(//failure)' "$tmp/error.xml")" = 6 ]
check "--fail-on none: no failure" [ "$(xpath 'count(//failure)' "$tmp/none.xml")" = 0 ]
check "--fail-on warning fails more" [ "$(xpath 'count(//failure)' "$tmp/warning.xml")" -gt 6 ]
check "the failure text holds file:line:col" grep -q 'fixtures/golden/input.yaml:71:16: error: sentry image' "$tmp/error.xml"
check "findings below the threshold are standard output, not failures" \
  [ "$(xpath 'count(//testcase[system-out[contains(., ": warning: ")]][not(failure)])' "$tmp/error.xml")" -gt 0 ]
check "totals add up" [ "$(xpath 'string(/testsuites/@failures)' "$tmp/error.xml")" = 6 ]
check "all-suppressed test cases are skipped with the reason" \
  [ "$(xpath 'count(//skipped[contains(@message, "staging")])' "$tmp/error.xml")" -gt 0 ]
check "--omit-suppressed: nothing skipped" [ "$(xpath 'count(//skipped)' "$tmp/omitted.xml")" = 0 ]
check "--baseline: known findings are no failures" [ "$(xpath 'count(//failure)' "$tmp/baseline.xml")" = 0 ]
check "hostile text is escaped" bash -c "grep -q '&lt;script&gt;x&lt;/script&gt; &amp; | @team' '$tmp/hostile.xml' && ! grep -q '<script>' '$tmp/hostile.xml'"

## Markdown
md() { cmark-gfm --extension table --extension autolink "$1"; }
lint --format markdown fixtures/golden/input.yaml > "$tmp/golden.md"
md "$tmp/golden.md" > "$tmp/golden.html"
check "the counts are a table" grep -q '<td>error</td>' "$tmp/golden.html"
check "the findings are a table with four columns" \
  [ "$(grep -c '<th>location</th>' "$tmp/golden.html")" = 1 ]
check "locations link to the file and line, relative to the repository" \
  grep -q '<a href="fixtures/golden/input.yaml#L71">fixtures/golden/input.yaml:71</a>' "$tmp/golden.html"
check "rules link to their guideline" grep -q '<a href="https://docs.dapr.io/[^"]*"><code>cp-version-skew</code></a>' "$tmp/golden.html"
GITHUB_ACTIONS=true GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=o/r GITHUB_SHA=abc \
  lint --format markdown --output "$tmp/actions.md" fixtures/golden/input.yaml
check "inside GitHub Actions, links go to the commit's blob" \
  grep -q '(https://github.com/o/r/blob/abc/fixtures/golden/input.yaml#L71)' "$tmp/actions.md"
lint --format markdown --fail-on note "$tmp/hostile.yaml" > "$tmp/hostile.md"
md "$tmp/hostile.md" > "$tmp/hostile.html"
check "markup in messages stays text" bash -c "grep -q '&lt;script&gt;x&lt;/script&gt; &amp; | @team #1' '$tmp/hostile.html' && ! grep -q '<script>' '$tmp/hostile.html'"
check "a pipe in a message does not split its cell" \
  grep -q '<td>dapr.io/sidecar-cpu-request &quot;&lt;script&gt;x&lt;/script&gt; &amp; | @team #1 .* — Deployment shop/web</td>' "$tmp/hostile.html"
lint --format markdown --fail-on none fixtures/golden/input.yaml > "$tmp/none.md"
check "--fail-on none lists no findings" grep -q 'No finding fails the run' "$tmp/none.md"
lint --format markdown --omit-suppressed fixtures/golden/input.yaml > "$tmp/omitted.md"
check "--omit-suppressed drops the suppressed count" bash -c "! grep -q '| suppressed |' '$tmp/omitted.md'"
lint --format markdown --baseline "$tmp/baseline.json" fixtures/golden/input.yaml > "$tmp/baseline.md"
check "--baseline: known findings are counted" grep -q '| known (baseline) | [1-9]' "$tmp/baseline.md"
check "--baseline: and not listed" grep -q 'No finding at or above warning' "$tmp/baseline.md"
# Many findings: the list is cut with a count, well under a PR comment's 65,536 characters.
for i in $(seq 1 400); do
  printf -- '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app%d, namespace: ns}\nspec:\n  template:\n    metadata:\n      annotations: {dapr.io/enabled: "true", dapr.io/app-id: app%d}\n    spec:\n      containers: [{name: a, image: a:1}]\n' $i $i
done > "$tmp/many.yaml"
lint --format markdown "$tmp/many.yaml" > "$tmp/many.md"
check "a long list is cut with a count" grep -q '^…and [0-9]* more' "$tmp/many.md"
check "the cut summary stays under 65,536 bytes" [ "$(wc -c < "$tmp/many.md")" -lt 65536 ]
finish report-formats
