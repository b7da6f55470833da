#!/usr/bin/env bash
# End-to-end checks of the daprlint command: exit codes, inputs, outputs, errors.
set -uo pipefail
bin=$1
source "$(dirname "$0")/lib.sh"

cat > "$tmp/clean.yaml" <<'Y'
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
Y
cat > "$tmp/warn.yaml" <<'Y'
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec:
  template:
    metadata:
      annotations:
        dapr.io/enabled: "true"
        dapr.io/app-id: orders
        dapr.io/api-token-secret: token
        dapr.io/sidecar-cpu-request: 100m
        dapr.io/sidecar-cpu-limit: 300m
        dapr.io/sidecar-memory-request: 250Mi
        dapr.io/sidecar-memory-limit: 1000Mi
        dapr.io/metrics-port: "9091"
Y
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n' > "$tmp/template.yaml"

check "help exits 0" test "$(rc "$bin" --help)" = 0
check "version" bash -c "'$bin' --version | grep -q '^daprlint [0-9]'"
check "unknown option exits 2" test "$(rc "$bin" --bogus)" = 2
check "unknown option: one line on stderr" test "$("$bin" --bogus 2>&1 >/dev/null | wc -l)" = 1
check "bad format exits 2" test "$(rc "$bin" --format xml "$tmp/clean.yaml")" = 2
check "bad fail-on exits 2" test "$(rc "$bin" --fail-on fatal "$tmp/clean.yaml")" = 2
check "bad --now exits 2" test "$(rc "$bin" --now tomorrow "$tmp/clean.yaml")" = 2
check "unknown --rule exits 2" test "$(rc "$bin" --rule no-such-rule "$tmp/clean.yaml")" = 2
check "clean input exits 0" test "$(rc "$bin" "$tmp/clean.yaml")" = 0
check "a note does not fail at the default threshold" test "$(rc "$bin" "$tmp/warn.yaml")" = 0
check "--fail-on note fails on a note" test "$(rc "$bin" --fail-on note "$tmp/warn.yaml")" = 1
check "a warning fails by default" test "$(rc "$bin" "$root/fixtures/demo/checkout.yaml")" = 1
check "--fail-on error ignores warnings" test "$(rc "$bin" --fail-on error "$root/fixtures/demo/checkout.yaml")" = 0
check "--fail-on none never fails" test "$(rc "$bin" --fail-on none "$root/fixtures/demo")" = 0
check "missing path exits 2" test "$(rc "$bin" "$tmp/nope.yaml" "$tmp/warn.yaml")" = 2
check "missing path: other files still linted" bash -c "'$bin' --fail-on note '$tmp/nope.yaml' '$tmp/warn.yaml' 2>/dev/null | grep -q sc-metrics-port"
check "missing path: one line on stderr" test "$("$bin" "$tmp/nope.yaml" "$tmp/clean.yaml" 2>&1 >/dev/null | wc -l)" = 1
check "stdin is read for -" bash -c "'$bin' - < '$tmp/warn.yaml' | grep -q '^<stdin>:15:'"
check "text is file:line:col: severity: message [rule] (object)" \
  bash -c "'$bin' '$tmp/warn.yaml' | grep -qE '^/.*/warn.yaml:15:[0-9]+: note: .* \[sc-metrics-port\] \(Deployment shop/orders\)$'"
check "no colour when not a terminal" bash -c "! '$bin' '$tmp/warn.yaml' | grep -q $'\033'"
check "--output writes the file, nothing on stdout" \
  bash -c "test -z \"\$('$bin' --format json --output '$tmp/out.json' '$tmp/warn.yaml')\" && python3 -m json.tool '$tmp/out.json'"
check "json is valid and counts notes" bash -c "'$bin' --format json '$tmp/warn.yaml' | python3 -c 'import json,sys; d=json.load(sys.stdin); n=sum(f[\"severity\"] == \"note\" for f in d[\"findings\"]); assert n >= 1 and d[\"summary\"][\"notes\"] == n, d'"
check "write failure exits 2" test "$(rc "$bin" --output /dev/full "$tmp/warn.yaml")" = 2
check "unrendered template: notice, not a finding" bash -c "'$bin' '$tmp/template.yaml' | grep -q 'notice: unrendered Helm template'"
check "unrendered template: json notice" bash -c "'$bin' --format json '$tmp/template.yaml' 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"notices\"]) == 1 and not d[\"findings\"]'"
check "unrendered template: SARIF toolExecutionNotifications" bash -c "'$bin' --format sarif '$tmp/template.yaml' 2>/dev/null | grep -q toolExecutionNotifications"

mkdir -p "$tmp/repo/.git" "$tmp/repo/apps" && cp "$tmp/warn.yaml" "$tmp/repo/apps/a.yml" && cp "$tmp/warn.yaml" "$tmp/repo/.git/hidden.yaml" && echo 'not: yaml: [' > "$tmp/repo/notes.txt"
check "directories: recursive, hidden folders and other extensions skipped" \
  bash -c "cd '$tmp/repo' && '$bin' --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"files\"] == 1, d[\"summary\"]'"

mkdir -p "$tmp/rules"
sed 's/^severity: note/severity: error/' "$root/rules/sc-metrics-port.yaml" > "$tmp/rules/sc-metrics-port.yaml"
check "--rules-dir overrides an embedded rule" test "$(rc "$bin" --rules-dir "$tmp/rules" "$tmp/warn.yaml")" = 1
printf 'id: broken-rule\ntitle: A broken rule for the test\nseverity: fatal\n' > "$tmp/rules/broken-rule.yaml"
check "broken rule file exits 2" test "$(rc "$bin" --rules-dir "$tmp/rules" "$tmp/clean.yaml")" = 2
check "broken rule file: file, line and reason" bash -c "'$bin' --rules-dir '$tmp/rules' '$tmp/clean.yaml' 2>&1 | grep -q 'broken-rule.yaml:[0-9]*:[0-9]*: '"

for format in text json sarif; do
  check "secret value never printed ($format)" \
    bash -c "out=\$('$bin' --format $format '$root/fixtures/demo/components.yaml'); echo \"\$out\" | grep -q redisPassword && ! echo \"\$out\" | grep -q 'S3cr3t-demo-password'"
done

check "--timings: one stderr line per rule that ran, and the load" \
  bash -c "[ \$('$bin' --timings --rule sc-metrics-port --rule cp-ha-replicas '$tmp/warn.yaml' 2>&1 >/dev/null | grep -c '^daprlint: timing .* ms  ') = 3 ]"

# Every rule about an inline secret names the field, never the value, in every format.
for case in "he-inline-secret/fail-headers.yaml:fixture-not-a-real-token" \
            "he-inline-secret/fail-headers.yaml:fixture-api-key" \
            "cp-scheduler-secret-arg/fail-chart-value.yaml:example-not-a-real-password" \
            "cp-trust-bundle-private-key/fail-data.yaml:LS0tLS1CRUdJTiBFQyBQUklWQVRF"; do
  file=${case%%:*} secret=${case#*:}
  for format in text json sarif; do
    check "$file: secret never printed ($format)" \
      bash -c "out=\$('$bin' --fail-on none --format $format '$root/fixtures/$file'); [ -n \"\$out\" ] && ! echo \"\$out\" | grep -q -- '$secret'"
  done
done

# Hostile values in every field the rules read: no crash, no hang, valid output in every format.
python3 "$root/tests/hostile_values.py" "$root" "$tmp/hostile-input.json"
for format in text json sarif; do
  check "hostile values: lints within 120 s ($format)" \
    bash -c "timeout 120 '$bin' --fail-on none --format $format '$tmp/hostile-input.json' > '$tmp/hostile-out.$format'"
done
check "hostile values: every object linted, JSON valid" \
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["objects"] > 200, d["summary"]' "$tmp/hostile-out.json"
check "hostile values: SARIF is JSON" python3 -m json.tool "$tmp/hostile-out.sarif"

# The catalogue commands.
nrules=$(ls "$root"/rules/*.yaml | wc -l)
check "rules lists every rule with its severity" bash -c "[ \$('$bin' rules | grep -cE '^[a-z0-9-]+ +(error|warning|note) ') = $nrules ]"
check "rules --format json is a JSON array of every rule" bash -c "'$bin' rules --format json | python3 -c 'import json,sys; assert len(json.load(sys.stdin)) == $nrules'"
check "rules --format markdown has a section per rule" bash -c "[ \$('$bin' rules --format markdown | grep -c '^## [a-z0-9-]*$') = $nrules ]"
check "rules rejects sarif" test "$(rc "$bin" rules --format sarif)" = 2
check "explain prints why and how to fix" bash -c "'$bin' explain cp-ha-replicas | grep -q '^How to fix' && '$bin' explain cp-ha-replicas | grep -q 'global.ha.enabled'"
check "explain an unknown rule exits 2 with a suggestion" bash -c "[ \$('$bin' explain cp-ha-replica 2>&1 >/dev/null | grep -c 'did you mean cp-ha-replicas') = 1 ] && ! '$bin' explain cp-ha-replica 2>/dev/null"
check "explain needs exactly one id" test "$(rc "$bin" explain)" = 2
mkdir -p "$tmp/ruledir/rules" && cp "$tmp/clean.yaml" "$tmp/ruledir/rules/"
check "lint subcommand lints a directory named rules" test "$(cd "$tmp/ruledir" && rc "$bin" lint rules)" = 0

# kubectl get -o json: the libyaml path reads JSON with exact line:col (the same as yaml-cpp's).
cat > "$tmp/export.json" <<'J'
{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {
      "apiVersion": "apps/v1",
      "kind": "Deployment",
      "metadata": {"name": "orders", "namespace": "shop"},
      "spec": {
        "template": {
          "metadata": {
            "annotations": {"dapr.io/enabled": "true", "dapr.io/app-id": "orders", "dapr.io/log-level": "debug"}
          },
          "spec": {"containers": [{"name": "app", "image": "ghcr.io/example/orders:1.0.0"}]}
        }
      }
    }
  ]
}
J
for parser in libyaml yaml-cpp; do
  "$bin" --no-config --fail-on none --parser $parser "$tmp/export.json" >"$tmp/export-$parser.txt" 2>&1
  check "JSON export ($parser): the annotation value at its line:col" grep -q "export.json:12:105: note: .*sc-log-level-debug" "$tmp/export-$parser.txt"
  check "JSON export ($parser): the annotations map at its line:col" grep -q "export.json:12:28: warning: .*sc-api-token-missing" "$tmp/export-$parser.txt"
done

# --jobs: the same bytes whatever the thread count (files, documents and rules in parallel).
for format in text json sarif github codeclimate junit html; do
  "$bin" --jobs 1 --fail-on none --format $format "$root/fixtures" >"$tmp/j1.$format" 2>&1
  "$bin" --jobs 2 --fail-on none --format $format "$root/fixtures" >"$tmp/j2.$format" 2>&1
  check "--jobs 1 and --jobs 2 print the same $format" cmp "$tmp/j1.$format" "$tmp/j2.$format"
  check "--jobs: a real $format report" grep -q sc-api-token-missing "$tmp/j1.$format"
done
"$bin" --jobs 1 --fail-on warning --format markdown "$root/fixtures" >"$tmp/j1.md" 2>&1
"$bin" --jobs 2 --fail-on warning --format markdown "$root/fixtures" >"$tmp/j2.md" 2>&1
check "--jobs 1 and --jobs 2 print the same markdown" cmp "$tmp/j1.md" "$tmp/j2.md"
check "--jobs: a real markdown report" grep -qF "| error | $root/fixtures/" "$tmp/j1.md"
"$bin" -j 1 --fail-on none "$root/fixtures/demo" - "$tmp/warn.yaml" <"$tmp/warn.yaml" >"$tmp/s1.txt" 2>&1
"$bin" -j 3 --fail-on none "$root/fixtures/demo" - "$tmp/warn.yaml" <"$tmp/warn.yaml" >"$tmp/s3.txt" 2>&1
check "--jobs 3 with stdin and files: same bytes as --jobs 1" cmp "$tmp/s1.txt" "$tmp/s3.txt"
check "--jobs: stdin read" grep -q '^<stdin>:15:' "$tmp/s3.txt"

finish cli
