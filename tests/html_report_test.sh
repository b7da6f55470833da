#!/usr/bin/env bash
# The HTML report opened in headless Chromium: the counts render, the script's filters change
# what is shown (set through the URL, as a reader's bookmark would), a rule's why and fix open
# under a finding, nothing is loaded from outside the file, and a screenshot is kept in the
# build directory as a test artifact.
# Usage: html_report_test.sh DAPRLINT ARTIFACT_DIR
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
artifacts=$(mkdir -p "$2" && cd "$2" && pwd)
source "$(dirname "$0")/lib.sh"
cd "$root"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  # CI installs it (Makefile DEPS: chromium): there a missing browser fails.
  [ -n "${CI:-}" ] && { echo "FAIL: chromium is not installed (make deps)"; exit 1; }
  echo "SKIP: chromium is not installed, so the HTML report was not opened (make deps installs it)"
  exit 77
fi
# --no-sandbox: Chromium refuses to run as root otherwise. A private profile per run.
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$tmp/profile" "$@" 2>/dev/null
}
dom() { chrome --virtual-time-budget=5000 --dump-dom "file://$1"; }
lint() { "$bin" --no-config --now 2027-06-01 "$@"; }

printf 'exemptions:\n  - {kind: Secret, reason: "rotated by cert-manager"}\n' > "$tmp/config.yaml"
lint --format html --fail-on none --output "$tmp/golden.html" fixtures/golden/input.yaml
lint --format json fixtures/golden/input.yaml > "$tmp/golden.json"
errors=$(grep -c '"severity": "error"' "$tmp/golden.json")
active=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for f in d["findings"] if not f.get("suppressed")))' "$tmp/golden.json")

dom "$tmp/golden.html" > "$tmp/all.dom"
check "the page rendered (scripts ran)" grep -q 'data-shown="' "$tmp/all.dom"
check "the error count renders" grep -q "id=\"count-error\">$errors<" "$tmp/all.dom"
check "every finding is shown at first" grep -q "id=\"shown\">$active of $active<" "$tmp/all.dom"
check "the chart is inline SVG" grep -q '<svg[^>]*role="img"' "$tmp/all.dom"

dom "$tmp/golden.html#severity=error" > "$tmp/errors.dom"
check "the severity filter shows only errors" grep -q "id=\"shown\">$errors of $active<" "$tmp/errors.dom"
check "the severity filter hides warning rows" \
  bash -c "grep -o '<tr class=\"f\" data-severity=\"warning\"[^>]*>' '$tmp/errors.dom' | grep -qv hidden && exit 1 || exit 0"
dom "$tmp/golden.html#namespace=shop" > "$tmp/shop.dom"
check "the namespace filter hides other namespaces" \
  grep -q '<section class="ns" data-namespace="dapr-system" hidden' "$tmp/shop.dom"
check "the namespace filter changes the count" bash -c "! grep -q 'id=\"shown\">$active of' '$tmp/shop.dom'"
dom "$tmp/golden.html#category=security" > "$tmp/security.dom"
check "the category filter changes the count" bash -c "! grep -q 'id=\"shown\">$active of' '$tmp/security.dom'"

# A click on a finding's rule opens the rule's why and fix under it (a probe appended to a copy
# clicks the first one after the report's script ran).
cp "$tmp/golden.html" "$tmp/click.html"
echo "<script>document.querySelector('a.explain').click()</script>" >> "$tmp/click.html"
dom "$tmp/click.html" > "$tmp/click.dom"
check "a rule link opens the rule's why and fix under the finding" \
  bash -c "grep -A3 '<tr class=\"doc\"><td colspan=\"4\">' '$tmp/click.dom' | grep -q '<h4>How to fix</h4>'"

check "each rule's why and fix is in the page once" \
  [ "$(grep -c 'id="rule-cp-priority-class"' "$tmp/golden.html")" = 1 ]
check "no external resource: a CSP forbids them, and nothing has a src or url()" \
  bash -c "grep -q \"default-src 'none'\" '$tmp/golden.html' && ! grep -Eq ' src=|url\\(|@import' '$tmp/golden.html'"
check "the inline secret's value never appears" bash -c "! grep -q golden-fixture-secret-value '$tmp/golden.html'"

# Suppressed (comment, config exemption) and baseline-known findings are listed apart.
lint --write-baseline "$tmp/baseline.json" fixtures/demo >/dev/null
"$bin" --now 2027-06-01 --config "$tmp/config.yaml" --baseline "$tmp/baseline.json" --format html \
  fixtures/golden/input.yaml fixtures/demo > "$tmp/accepted.html"
check "suppressed findings are listed with their reason" grep -q 'suppressed in the manifest: staging cluster' "$tmp/accepted.html"
check "config exemptions are listed with their reason" grep -q 'exempted in the configuration: rotated by cert-manager' "$tmp/accepted.html"
check "baseline-known findings are listed apart" grep -q 'known: in the baseline ' "$tmp/accepted.html"
lint --format html --omit-suppressed fixtures/golden/input.yaml > "$tmp/omitted.html"
check "--omit-suppressed leaves them out" bash -c "! grep -q 'suppressed in the manifest' '$tmp/omitted.html'"

# Markup in a message stays text in the DOM.
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: "x<i>y"}\nspec:\n  template:\n    metadata:\n      annotations:\n        dapr.io/enabled: "true"\n        dapr.io/app-id: web\n        dapr.io/sidecar-cpu-request: "<img src=x onerror=alert(1)>&amp;"\n    spec:\n      containers: [{name: web, image: web:1}]\n' > "$tmp/hostile.yaml"
lint --format html "$tmp/hostile.yaml" > "$tmp/hostile.html"
dom "$tmp/hostile.html" > "$tmp/hostile.dom"
check "markup in messages is escaped" bash -c "grep -q '&lt;img src=x onerror=alert(1)&gt;&amp;amp;' '$tmp/hostile.dom' && ! grep -q '<img' '$tmp/hostile.dom' && ! grep -q '<i>' '$tmp/hostile.dom'"

rm -f "$artifacts/html-report.png"
(cd "$tmp" && chrome --window-size=1280,1600 --screenshot="$artifacts/html-report.png" "file://$tmp/golden.html" >/dev/null)
check "a screenshot is produced ($artifacts/html-report.png)" test -s "$artifacts/html-report.png"
finish html-report
