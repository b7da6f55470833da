#!/usr/bin/env bash
# End-to-end checks of .daprlint.yaml, suppressions, baselines and --format github.
set -uo pipefail
bin=$1
source "$(dirname "$0")/lib.sh"
json() {  # json FILE PYTHON-EXPR : the expression over d (the parsed JSON) must be true
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert ($2), d" "$1"
}

# A repository: manifests in deploy/, a vendored chart's output in vendor/.
repo=$tmp/repo
mkdir -p "$repo/deploy/apps" "$repo/vendor"
operator() {  # operator REPLICAS [EXTRA-METADATA-LINE]
  cat <<Y
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dapr-operator
  namespace: dapr-system
  labels: {app: dapr-operator}
spec:
  replicas: $1
  template:
    spec:
      containers:
        - name: dapr-operator
          image: docker.io/daprio/operator:1.16.2
Y
}
operator 1 > "$repo/deploy/operator.yaml"
cat > "$repo/deploy/apps/orders.yaml" <<'Y'
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec:
  template:
    metadata:
      annotations:
        dapr.io/enabled: "true"
        dapr.io/app-id: orders
        dapr.io/log-level: debug
Y
cp "$repo/deploy/apps/orders.yaml" "$repo/vendor/orders-copy.yaml"
lint() { (cd "$1" && shift && "$bin" --now 2027-06-01 "$@"); }

# --- discovery -----------------------------------------------------------------------------
printf 'rules:\n  cp-ha-replicas: off\n' > "$repo/.daprlint.yaml"
check "config is found from a subfolder (walking up)" \
  bash -c "$(declare -f lint); bin='$bin'; lint '$repo/deploy/apps' --format json -o '$tmp/o.json' ../operator.yaml; python3 -c \"import json; d=json.load(open('$tmp/o.json')); assert not [f for f in d['findings'] if f['ruleId']=='cp-ha-replicas']\""
check "--no-config ignores it" \
  bash -c "cd '$repo' && '$bin' --no-config --rule cp-ha-replicas deploy | grep -q cp-ha-replicas"
printf 'rules:\n  cp-linux-affinity-missing: off\n' > "$tmp/other.yaml"
check "--config FILE replaces the discovered file" \
  bash -c "cd '$repo' && '$bin' --config '$tmp/other.yaml' deploy | grep -q cp-ha-replicas && ! '$bin' --config '$tmp/other.yaml' deploy | grep -q cp-linux-affinity-missing"
check "--config with a missing file exits 2" test "$(cd "$repo" && rc "$bin" --config nope.yaml deploy)" = 2
check "--config and --no-config conflict" test "$(cd "$repo" && rc "$bin" --config x --no-config deploy)" = 2

# --- validation: file:line:col, what was expected, exit 2 ----------------------------------
bad() {  # bad NAME CONFIG-TEXT EXPECTED-STDERR-REGEX
  printf '%b' "$2" > "$tmp/bad.yaml"
  check "$1" bash -c "cd '$repo' && out=\$('$bin' --config '$tmp/bad.yaml' deploy 2>&1 >/dev/null); st=\$?; [ \$st = 2 ] && [ \$(printf '%s\n' \"\$out\" | wc -l) -ge 1 ] && printf '%s' \"\$out\" | grep -qE \"$3\""
}
bad "unknown top-level key, located" 'dapr-version: latest\ncolour: true\n' "bad.yaml:2:1: unknown key 'colour'; expected one of .*dapr-version"
bad "unknown nested key, located" 'limits:\n  max-depth: 10\n  bogus: 1\n' "bad.yaml:3:3: .*unknown key 'bogus'; expected one of max-depth, max-file-size, max-nodes"
bad "bad profile value names the choices" 'profile: newest\n' "bad.yaml:1:10: .*one of auto, dapr-0.11, dapr-1.0, current"
bad "bad dapr-version value" 'dapr-version: newest\n' "bad.yaml:1:15: "
bad "profile and dapr-version together" 'profile: current\ndapr-version: "1.16"\n' "bad.yaml:1:1: profile is the older name of dapr-version"
bad "bad fail-on value" 'fail-on: sometimes\n' "bad.yaml:1:10: .*one of error, warning, note, none"
bad "bad category switch" 'categories:\n  security: maybe\n' "bad.yaml:2:13: .*one of on, off"
bad "unknown category" 'categories:\n  speed: off\n' "bad.yaml:2:3: .*unknown key 'speed'"
bad "bad rule setting" 'rules:\n  cp-ha-replicas: loud\n' "bad.yaml:2:19: .*on, off.*error, warning, note"
bad "unknown rule id with a suggestion" 'rules:\n  cp-ha-replica: off\n' "bad.yaml:2:3: unknown rule 'cp-ha-replica' \\(did you mean cp-ha-replicas\\?\\)"
bad "unknown parameter" 'rules:\n  cp-ha-replicas:\n    params: {min_replica: 5}\n' "bad.yaml:3:14: cp-ha-replicas has no parameter 'min_replica'; its parameters: min_replicas"
bad "parameter of the wrong type" 'rules:\n  cp-ha-replicas:\n    params: {min_replicas: many}\n' "bad.yaml:3:28: cp-ha-replicas parameter 'min_replicas' must be a number \\(default: 3\\)"
bad "list parameter given a scalar" 'rules:\n  co-inline-secret:\n    params: {extra_sensitive_patterns: x}\n' "must be a list"
bad "bad RE2 pattern" "rules:\n  co-inline-secret:\n    params:\n      extra_sensitive_patterns: ['(?i)license(']\n" "bad.yaml:4:34: bad RE2 pattern"
bad "exemption without a reason" 'exemptions:\n  - kind: Deployment\n' "bad.yaml:2:5: .*reason"
bad "exemption naming an unknown rule" 'exemptions:\n  - {name: x, rules: [sc-nope], reason: r}\n' "bad.yaml:2:23: unknown rule 'sc-nope'"
bad "unknown selector with a suggestion" 'select: [securty]\n' "bad.yaml:1:10: select: unknown rule, category or set 'securty' \\(did you mean security\\?\\)"
bad "selector that is not a word" 'extend-select: ["Sc Seccomp"]\n' "bad.yaml:1:17: "
bad "negative limit" 'limits: {max-depth: -1}\n' "bad.yaml:1:21: "
bad "malformed YAML" 'rules: [\n' "bad.yaml:2:1: malformed YAML"
check "an empty config is fine" bash -c "cd '$repo' && : > '$tmp/empty.yaml' && '$bin' --config '$tmp/empty.yaml' --fail-on none deploy"

# --- every key takes effect ----------------------------------------------------------------
run_json() {  # run_json CONFIG-TEXT ARGS... : lints $repo/deploy into $tmp/r.json
  printf '%b' "$1" > "$tmp/c.yaml"; shift
  (cd "$repo" && "$bin" --config "$tmp/c.yaml" --now 2027-06-01 --format json -o "$tmp/r.json" "$@" deploy >/dev/null 2>&1)
}
has() { python3 -c "import json,sys; d=json.load(open('$tmp/r.json')); ids=[f['ruleId'] for f in d['findings'] if not f['suppressed']]; sys.exit(0 if '$1' in ids else 1)"; }
sev() { python3 -c "import json,sys; d=json.load(open('$tmp/r.json')); print([f['severity'] for f in d['findings'] if f['ruleId']=='$1'][0])"; }
run_json ''
check "baseline run has cp-ha-replicas and sc-log-level-debug" bash -c "$(declare -f has); tmp='$tmp'; has cp-ha-replicas && has sc-log-level-debug"
run_json 'dapr-version: "1.14"\n'
check "dapr-version: from the config" json "$tmp/r.json" "d['summary']['daprRelease'] == {'release': '1.14', 'version': '1.14', 'source': '--dapr-version'}"
run_json 'dapr-version: "1.14"\n' --dapr-version 1.16.2
check "--dapr-version wins over the config" json "$tmp/r.json" "d['summary']['daprRelease']['release'] == '1.16' and d['findings'][0]['daprRelease'] == '1.16'"
run_json 'profile: dapr-1.0\n'
check "profile: from the config is an older name of dapr-version" json "$tmp/r.json" "d['summary']['daprRelease']['release'] == '1.11'"
run_json 'profile: dapr-1.0\n' --profile current
check "--profile wins over the config" json "$tmp/r.json" "d['summary']['daprRelease']['release'] == '1.18'"
printf 'fail-on: none\n' > "$tmp/c.yaml"
check "fail-on: from the config" test "$(cd "$repo" && rc "$bin" --config "$tmp/c.yaml" deploy)" = 0
check "--fail-on wins over the config" test "$(cd "$repo" && rc "$bin" --config "$tmp/c.yaml" --fail-on warning deploy)" = 1
run_json 'categories:\n  reliability: off\n'
check "categories: off turns a category off" bash -c "$(declare -f has); tmp='$tmp'; ! has cp-ha-replicas && has sc-log-level-debug"
run_json 'categories:\n  reliability: off\nrules:\n  cp-ha-replicas: on\n'
check "a rule setting wins over its category" bash -c "$(declare -f has); tmp='$tmp'; has cp-ha-replicas"
run_json 'rules:\n  sc-log-level-debug: off\n'
check "rules: ID: off" bash -c "$(declare -f has); tmp='$tmp'; ! has sc-log-level-debug && has cp-ha-replicas"
run_json 'rules:\n  sc-log-level-debug: {enabled: false}\n'
check "rules: ID: {enabled: false}" bash -c "$(declare -f has); tmp='$tmp'; ! has sc-log-level-debug"
run_json 'rules:\n  sc-log-level-debug: off\n' --rule sc-log-level-debug
check "--rule runs a rule the config turns off" bash -c "$(declare -f has); tmp='$tmp'; has sc-log-level-debug"
# Rule sets: the default set leaves opt-in rules out; select, extend-select, ignore, and the
# command line over the config.
ids() { python3 -c "import json; d=json.load(open('$tmp/r.json')); print(' '.join(sorted({f['ruleId'] for f in d['findings']})))"; }
run_json ''
check "default set: opt-in sc-seccomp-missing does not run" bash -c "$(declare -f has); tmp='$tmp'; ! has sc-seccomp-missing && has sc-log-level-debug"
check "default set: the JSON summary names it" json "$tmp/r.json" "d['summary']['ruleSet']['select'] == ['default'] and d['summary']['ruleSet']['optInRun'] == [] and d['summary']['ruleSet']['rules'] < d['summary']['ruleSet']['known']"
run_json 'extend-select: [sc-seccomp-missing]\n'
check "extend-select: an opt-in rule by id" bash -c "$(declare -f has); tmp='$tmp'; has sc-seccomp-missing && has sc-log-level-debug"
check "extend-select: the summary lists the opt-in rule that ran" json "$tmp/r.json" "d['summary']['ruleSet']['optInRun'] == ['sc-seccomp-missing'] and d['summary']['ruleSet']['extendSelect'] == ['sc-seccomp-missing']"
run_json 'select: [all]\n'
check "select: all runs opt-in rules" bash -c "$(declare -f has); tmp='$tmp'; has sc-seccomp-missing && has sc-automount-token && has cp-ha-replicas"
run_json 'select: [strict]\n'
check "select: strict is all" bash -c "$(declare -f has); tmp='$tmp'; has sc-seccomp-missing && has sc-automount-token"
run_json 'select: [all]\n' --select default
check "--select replaces the config's select" bash -c "$(declare -f has); tmp='$tmp'; ! has sc-seccomp-missing && has cp-ha-replicas"
run_json 'select: [reliability]\n'
check "select: a category runs only it" bash -c "$(declare -f has); tmp='$tmp'; has cp-ha-replicas && ! has sc-log-level-debug"
run_json '' --select sc --extend-select opt-in
check "--select a prefix, --extend-select opt-in" test "$(ids)" = "cf-no-app-config sc-api-token-missing sc-app-token-missing sc-automount-token sc-log-level-debug sc-resources-missing sc-seccomp-missing"
run_json 'extend-select: [opt-in]\nignore: [sc-automount-token]\n' --ignore sc-seccomp-missing
check "ignore: in the config and on the command line" bash -c "$(declare -f has); tmp='$tmp'; ! has sc-automount-token && ! has sc-seccomp-missing && has cf-no-app-config"
run_json 'categories:\n  security: on\n'
check "categories: on turns the category's opt-in rules on" bash -c "$(declare -f has); tmp='$tmp'; has sc-seccomp-missing && ! has su-no-dead-letter"
run_json 'rules:\n  sc-seccomp-missing: on\n'
check "rules: ID: on turns an opt-in rule on" bash -c "$(declare -f has); tmp='$tmp'; has sc-seccomp-missing && ! has sc-automount-token"
run_json 'select: [all]\nrules:\n  sc-seccomp-missing: off\n'
check "rules: ID: off wins over select: all" bash -c "$(declare -f has); tmp='$tmp'; ! has sc-seccomp-missing && has sc-automount-token"
check "SARIF: the run properties name the rule set" bash -c "cd '$repo' && '$bin' --config '$tmp/c.yaml' --format sarif deploy | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d[\"runs\"][0][\"properties\"][\"ruleSet\"]; assert s[\"select\"]==[\"all\"] and \"sc-seccomp-missing\" not in s[\"optInRun\"] and \"sc-automount-token\" in s[\"optInRun\"], s'"
check "--select with an unknown word exits 2 with a suggestion" bash -c "cd '$repo' && [ \$('$bin' --no-config --select securty deploy 2>&1 >/dev/null | grep -c \"^daprlint: --select: unknown rule, category or set 'securty' (did you mean security?)\") = 1 ]"
run_json 'rules:\n  cp-ha-replicas: error\n'
check "rules: ID: SEVERITY" test "$(sev cp-ha-replicas)" = error
run_json 'rules:\n  cp-ha-replicas: {severity: note}\n'
check "rules: ID: {severity}" test "$(sev cp-ha-replicas)" = note
printf 'a: [1, 2\n' > "$repo/deploy/broken.yaml"
run_json 'rules:\n  yaml-syntax: warning\n'
check "rules: ID: SEVERITY for a loader rule (yaml-syntax)" test "$(sev yaml-syntax)" = warning
rm "$repo/deploy/broken.yaml"
run_json 'rules:\n  cp-ha-replicas: {severity: note}\n'
check "the SARIF rule carries the configured level" bash -c "cd '$repo' && '$bin' --config '$tmp/c.yaml' --format sarif deploy | python3 -c 'import json,sys; d=json.load(sys.stdin); r=[r for r in d[\"runs\"][0][\"tool\"][\"driver\"][\"rules\"] if r[\"id\"]==\"cp-ha-replicas\"][0]; assert r[\"defaultConfiguration\"][\"level\"]==\"note\"'"
operator 3 > "$repo/deploy/operator.yaml"
run_json 'rules:\n  cp-ha-replicas:\n    params: {min_replicas: 5}\n'
check "params: min_replicas 5 flags 3 replicas" bash -c "python3 -c \"import json; d=json.load(open('$tmp/r.json')); assert [f for f in d['findings'] if f['ruleId']=='cp-ha-replicas' and 'runs 5' in f['message']]\""
run_json ''
check "... and the default 3 does not" bash -c "$(declare -f has); tmp='$tmp'; ! has cp-ha-replicas"
operator 1 > "$repo/deploy/operator.yaml"
cat > "$repo/deploy/component.yaml" <<'Y'
apiVersion: dapr.io/v1alpha1
kind: Component
metadata: {name: licensing, namespace: shop}
spec:
  type: bindings.http
  version: v1
  metadata:
    - name: licenseKey
      value: "lk-123-do-not-print"
Y
run_json "rules:\n  co-inline-secret:\n    params:\n      extra_sensitive_patterns: ['(?i)licen[cs]eKey']\n"
check "params: extra_sensitive_patterns marks a field secret" bash -c "$(declare -f has); tmp='$tmp'; has co-inline-secret"
check "... without printing its value" bash -c "! grep -q lk-123 '$tmp/r.json'"
run_json ''
check "... which is not flagged by default" bash -c "$(declare -f has); tmp='$tmp'; ! has co-inline-secret"
rm "$repo/deploy/component.yaml"
run_json 'rules:\n  cp-trust-bundle-expiry:\n    params: {warn_days: 400}\n'
check "params: warn_days is accepted" json "$tmp/r.json" "d['summary']['files'] == 2"

run_json 'limits: {max-depth: 3}\n'
check "limits: max-depth from the config is a located finding" bash -c "$(declare -f has); tmp='$tmp'; has yaml-limit-exceeded"
run_json 'limits: {max-depth: 3}\n' --max-depth 50
check "--max-depth wins over the config" bash -c "$(declare -f has); tmp='$tmp'; ! has yaml-limit-exceeded"
run_json 'limits: {max-file-size: 10}\n'
check "limits: max-file-size from the config" bash -c "$(declare -f has); tmp='$tmp'; has yaml-limit-exceeded"
run_json 'limits: {max-nodes: 5}\n'
check "limits: max-nodes from the config" bash -c "$(declare -f has); tmp='$tmp'; has yaml-limit-exceeded"
run_json ''
check "... and none of them by default" bash -c "$(declare -f has); tmp='$tmp'; ! has yaml-limit-exceeded"

# --- exclude --------------------------------------------------------------------------------
printf 'exclude: ["apps/**"]\n' > "$repo/deploy/.daprlint.yaml"
check "exclude: a glob relative to the config's folder skips a walked folder" \
  bash -c "cd '$repo/deploy' && '$bin' --format json . | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"files\"] == 1, d[\"summary\"]'"
check "exclude: applies to files named on the command line (pre-commit)" \
  bash -c "cd '$repo/deploy' && '$bin' --format json apps/orders.yaml | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"files\"] == 0'"
printf 'exclude: ["orders.yaml"]\n' > "$repo/deploy/.daprlint.yaml"
check "exclude: a pattern without / matches a file name anywhere" \
  bash -c "cd '$repo/deploy' && '$bin' --format json . | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"files\"] == 1'"
check "exclude: stdin is never excluded" bash -c "cd '$repo/deploy' && '$bin' --format json - < apps/orders.yaml | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"files\"] == 1'"
rm "$repo/deploy/.daprlint.yaml"

# --- exemptions -----------------------------------------------------------------------------
run_json 'exemptions:\n  - {kind: Deploy*, namespace: dapr-*, name: "*-operator", rules: [cp-ha-replicas], reason: "edge cluster"}\n'
check "an exemption suppresses the listed rule on matching objects (external)" \
  json "$tmp/r.json" "[f for f in d['findings'] if f['ruleId']=='cp-ha-replicas' and f['suppressed'] and f['suppression']=={'kind':'external','reason':'edge cluster'}]"
check "... not other rules" json "$tmp/r.json" "[f for f in d['findings'] if f['ruleId']=='cp-linux-affinity-missing' and not f['suppressed']]"
check "... and the summary counts it apart" json "$tmp/r.json" "d['summary']['suppressed'] >= 1"
run_json 'exemptions:\n  - {namespace: shop, reason: "team shop owns its findings"}\n'
check "an exemption without rules: suppresses every rule of the object" \
  json "$tmp/r.json" "all(f['suppressed'] for f in d['findings'] if f['object'] and f['object']['namespace']=='shop')"
run_json 'exemptions:\n  - {name: payments, reason: "decommissioned"}\n'
check "an unused exemption is a note located in the config file" \
  json "$tmp/r.json" "[f for f in d['findings'] if f['ruleId']=='unused-suppression' and f['file'].endswith('c.yaml') and f['line']==2]"

cat > "$repo/deploy/mesh.yaml" <<'Y'
apiVersion: apps/v1
kind: Deployment
metadata: {name: dapr-sentry, namespace: dapr-system, labels: {app: dapr-sentry}}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - {name: dapr-sentry, image: docker.io/daprio/sentry:1.16.2}
        - {name: istio-proxy, image: docker.io/istio/proxyv2:1.20.0}
Y
# (The control-plane rules look only at Sentry's own container, not at the mesh's.)
run_json 'exemptions:\n  - {container: dapr-sentr*, reason: "sized by the platform team"}\n'
check "a container exemption suppresses findings inside that container only" \
  json "$tmp/r.json" "all(f['suppressed'] == ('containers[0]' in f['path']) for f in d['findings'] if f['file'].endswith('mesh.yaml')) and [f for f in d['findings'] if 'containers[0]' in f['path']] and [f for f in d['findings'] if f['file'].endswith('mesh.yaml') and not f['suppressed']]"
rm "$repo/deploy/mesh.yaml"

# --- suppressions in manifests ---------------------------------------------------------------
supp=$tmp/supp
mkdir -p "$supp"
cat > "$supp/app.yaml" <<'Y'
# daprlint:ignore-file sc-seccomp-missing the PSA admission controller sets RuntimeDefault
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop
  annotations:
    ignore-check.daprlint.io/sc-api-token-missing: "mesh-internal only, tracked in SEC-42"
spec:
  template:
    metadata:
      annotations:
        ignore-check.daprlint.io/sc-resources-missing: "VPA sets them (OPS-7)"
        dapr.io/enabled: "true"
        dapr.io/app-id: orders
        # daprlint:ignore sc-log-level-debug,sc-foo debugging a live incident (INC-9)
        dapr.io/log-level: debug
Y
(cd "$supp" && "$bin" --no-config --extend-select sc-seccomp-missing --format json -o "$tmp/s.json" app.yaml)
reason() { json "$tmp/s.json" "[f for f in d['findings'] if f['ruleId']=='$1' and f['suppressed'] and f['suppression']['kind']=='inSource' and f['suppression']['reason']=='$2']"; }
check "annotation on the object suppresses" reason sc-api-token-missing "mesh-internal only, tracked in SEC-42"
check "annotation on the pod template suppresses" reason sc-resources-missing "VPA sets them (OPS-7)"
check "comment on the line above suppresses" reason sc-log-level-debug "debugging a live incident (INC-9)"
check "ignore-file suppresses in the whole file" reason sc-seccomp-missing "the PSA admission controller sets RuntimeDefault"
check "the unknown id of a comment is an unused-suppression note" \
  json "$tmp/s.json" "[f for f in d['findings'] if f['ruleId']=='unused-suppression' and f['line']==16 and \"'sc-foo'\" in f['message']]"
check "text hides suppressed findings" bash -c "cd '$supp' && ! '$bin' --no-config app.yaml | grep -qF '[sc-log-level-debug]'"
check "--show-suppressed lists them with the reason" \
  bash -c "cd '$supp' && '$bin' --no-config --show-suppressed app.yaml | grep -F 'sc-log-level-debug' | grep -qF '[suppressed: debugging a live incident (INC-9)]'"
check "suppressed findings do not fail the run" \
  test "$(cd "$supp" && rc "$bin" --no-config --rule sc-log-level-debug --fail-on note app.yaml)" = 0
check "SARIF carries suppressions with kind and justification" \
  bash -c "cd '$supp' && '$bin' --no-config --extend-select sc-seccomp-missing --format sarif app.yaml | python3 -c 'import json,sys; d=json.load(sys.stdin); s=[r[\"suppressions\"][0] for r in d[\"runs\"][0][\"results\"] if r.get(\"suppressions\")]; assert {x[\"kind\"] for x in s}=={\"inSource\"} and len(s)==4, s'"

check "--omit-suppressed leaves them out of SARIF and JSON" \
  bash -c "cd '$supp' && '$bin' --no-config --omit-suppressed --format sarif app.yaml | python3 -c 'import json,sys; d=json.load(sys.stdin); r=d[\"runs\"][0][\"results\"]; assert r and not [x for x in r if x.get(\"suppressions\")]' && '$bin' --no-config --omit-suppressed --format json app.yaml | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"suppressed\"] == 0'"

# --- baselines ------------------------------------------------------------------------------
base=$tmp/base
mkdir -p "$base"
operator 1 > "$base/operator.yaml"
cp "$repo/deploy/apps/orders.yaml" "$base/orders.yaml"
check "--write-baseline records and exits 0" test "$(cd "$base" && rc "$bin" --no-config --write-baseline baseline.json .)" = 0
check "the baseline is JSON with one entry per finding" \
  bash -c "cd '$base' && n=\$('$bin' --no-config --format json . | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[\"findings\"]))') && python3 -c \"import json; d=json.load(open('baseline.json')); assert d['tool']=='daprlint' and len(d['findings'])==\$n\""
check "re-recording gives the same bytes" \
  bash -c "cd '$base' && '$bin' --no-config --write-baseline b2.json . ; cmp baseline.json b2.json"
# Edits that move every line keep the findings matched.
{ printf '# moved down by a comment\n\n'; cat "$base/operator.yaml"; } > "$base/op2" && mv "$base/op2" "$base/operator.yaml"
sed -i 's/^kind: Deployment/kind: Deployment\n# another line/' "$base/orders.yaml"
check "after edits that move lines, nothing is new" test "$(cd "$base" && rc "$bin" --no-config --baseline baseline.json --fail-on note .)" = 0
check "... and the summary says so" \
  bash -c "cd '$base' && '$bin' --no-config --baseline baseline.json . | tail -1 | grep -qE 'baseline: [0-9]+ known findings hidden, 0 entries no longer occur'"
sed -i 's/dapr.io\/app-id: orders/dapr.io\/app-id: orders\n        dapr.io\/enable-profiling: "true"/' "$base/orders.yaml"
check "a new finding is reported" \
  bash -c "cd '$base' && '$bin' --no-config --baseline baseline.json --format json . | python3 -c 'import json,sys; d=json.load(sys.stdin); assert [f[\"ruleId\"] for f in d[\"findings\"]]==[\"sc-debug-profiling\"], d[\"findings\"]'"
check "... and fails the run" test "$(cd "$base" && rc "$bin" --no-config --baseline baseline.json .)" = 1
operator 3 > "$base/operator.yaml"
check "a fixed finding counts as a baseline entry that no longer occurs" \
  bash -c "cd '$base' && '$bin' --no-config --baseline baseline.json --format json . | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"baseline\"][\"absent\"] >= 1, d[\"summary\"]'"
check "SARIF marks results new against a baseline" \
  bash -c "cd '$base' && '$bin' --no-config --baseline baseline.json --format sarif . | python3 -c 'import json,sys; d=json.load(sys.stdin); assert {r[\"baselineState\"] for r in d[\"runs\"][0][\"results\"]}=={\"new\"}'"
echo '{"not": "a baseline"}' > "$base/bad.json"
check "a file that is not a baseline exits 2" test "$(cd "$base" && rc "$bin" --no-config --baseline bad.json .)" = 2
check "a missing baseline exits 2" test "$(cd "$base" && rc "$bin" --no-config --baseline nope.json .)" = 2

# --- --format github ------------------------------------------------------------------------
check "github: one workflow command per finding, escaped" \
  bash -c "cd '$base' && '$bin' --no-config --format github . | grep -qE '^::(error|warning|notice) file=orders.yaml,line=[0-9]+,col=[0-9]+,title=sc-debug-profiling::.*%0Adaprlint explain sc-debug-profiling$'"
check "github: the last line is the summary" \
  bash -c "cd '$base' && '$bin' --no-config --format github . | tail -1 | grep -q '^daprlint: [0-9]* error'"
check "github: the exit code still gates" test "$(cd "$base" && rc "$bin" --no-config --format github .)" = 1

# --- --format codeclimate (GitLab Code Quality) ----------------------------------------------
check "codeclimate: unsuppressed findings as issues with unique fingerprints" \
  bash -c "cd '$supp' && '$bin' --no-config --format codeclimate app.yaml | python3 -c 'import json,sys; d=json.load(sys.stdin); fp=[i[\"fingerprint\"] for i in d]; assert d and len(set(fp))==len(fp) and not [i for i in d if i[\"check_name\"]==\"sc-log-level-debug\"] and {i[\"location\"][\"path\"] for i in d}=={\"app.yaml\"}'"
check "codeclimate: fingerprints survive edits that move lines" \
  bash -c "cd '$base' && '$bin' --no-config --format codeclimate . | python3 -c 'import json,sys; print(sorted(i[\"fingerprint\"] for i in json.load(sys.stdin)))' > '$tmp/fp1' && sed -i '1i # a new first line' orders.yaml && '$bin' --no-config --format codeclimate . | python3 -c 'import json,sys; print(sorted(i[\"fingerprint\"] for i in json.load(sys.stdin)))' > '$tmp/fp2' && cmp '$tmp/fp1' '$tmp/fp2'"

printf 'apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata: {name: "c\xff\xfe", namespace: x}\nspec: {type: state.redis, version: v1, metadata: [{name: redisPassword, value: x}]}\n' > "$tmp/utf8.yaml"
for format in codeclimate github; do
  check "$format: invalid UTF-8 in a name is replaced, not fatal" test "$(rc "$bin" --no-config --format $format "$tmp/utf8.yaml")" = 1
done
check "a baseline of invalid UTF-8 names is written" test "$(rc "$bin" --no-config --write-baseline "$tmp/u.json" "$tmp/utf8.yaml")" = 0

# --- init -----------------------------------------------------------------------------------
mkdir -p "$tmp/new"
check "init writes .daprlint.yaml" bash -c "cd '$tmp/new' && '$bin' init && test -s .daprlint.yaml"
check "init never overwrites" test "$(cd "$tmp/new" && rc "$bin" init)" = 2
check "the starter config is valid and lints the demo" \
  bash -c "cd '$tmp/new' && '$bin' --fail-on none '$root/fixtures/demo'"
check "init --output - prints it" bash -c "'$bin' init --output - | grep -q '^dapr-version: auto'"
check "every top-level key of the schema appears in the starter config" \
  bash -c "python3 -c \"import json,re,sys; keys=json.load(open('$root/schemas/config.schema.json'))['properties']; text=open('$tmp/new/.daprlint.yaml').read(); missing=[k for k in keys if not re.search('^#? ?'+re.escape(k)+':', text, re.M)]; sys.exit(1 if missing else 0)\""

# --- parser: the config's, unless --parser says otherwise ---------------------------------------
mkdir -p "$tmp/parser" && printf 'a: [1, 2\n' > "$tmp/parser/broken.yaml"
printf 'parser: yaml-cpp\n' > "$tmp/parser/.daprlint.yaml"
check "parser: yaml-cpp in .daprlint.yaml reads with yaml-cpp" \
  bash -c "cd '$tmp/parser' && '$bin' --fail-on none broken.yaml | grep -q 'end of sequence flow not found'"
check "--parser libyaml wins over the config" \
  bash -c "cd '$tmp/parser' && '$bin' --fail-on none --parser libyaml broken.yaml | grep -q 'did not find expected'"

# --- the README's example config is valid ------------------------------------------------------
python3 - "$root/README.md" "$tmp/readme.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
section = text.split("## Configuration: `.daprlint.yaml`", 1)[1]
open(sys.argv[2], "w").write(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))
PY
# Its chart-values file, relative to the config file's folder.
mkdir -p "$tmp/deploy" && printf 'global:\n  ha: {enabled: true}\n' > "$tmp/deploy/dapr-values.yaml"
check "the README's example .daprlint.yaml is valid" \
  bash -c "cd '$repo' && '$bin' --config '$tmp/readme.yaml' --fail-on none deploy"
check "the README's example reads its chart values" \
  bash -c "cd '$repo' && '$bin' --config '$tmp/readme.yaml' --fail-on none --format json deploy | grep -q HelmValues"
printf 'chart-values:\n  - {path: nowhere.yaml}\n' > "$tmp/missing-values.yaml"
check "a chart-values file that does not exist exits 2" \
  test "$(rc "$bin" --config "$tmp/missing-values.yaml" "$repo/deploy")" = 2

finish config
