#!/usr/bin/env bash
# Hostile and broken input (issue 5): every case must end in findings or an error line, never a
# crash (exit >= 128), a hang (timeout) or silence. Usage: hostile_test.sh BIN
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }
check() {  # check NAME COMMAND... : the command must succeed
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then ok; else bad "$name"; fi
}
# lint OUT ARGS...: runs daprlint with a time bound, JSON report in OUT.json, stderr in OUT.err,
# exit code in OUT.rc (124: timed out; >= 128: killed by a signal).
lint() {
  local out=$1; shift
  timeout 60 "$bin" --format json --fail-on none "$@" >"$out.json" 2>"$out.err"
  echo $? >"$out.rc"
}
rc_of() { cat "$1.rc"; }
has_rule() { grep -q "\"ruleId\": \"$2\"" "$1.json"; }
objects() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["objects"])' "$1.json"; }
survived() { local rc; rc=$(rc_of "$1"); test "$rc" -lt 3; }  # 0, 1 or 2: no crash, no hang

cm='apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}'

# --- Alias bombs: aliases are never copied, and the nodes they stand for are counted.
python3 - "$tmp/laughs.yaml" <<'PY'
import sys
lines = ["apiVersion: dapr.io/v1alpha1", "kind: Component", "metadata: {name: lol, namespace: shop}",
         "spec:", "  type: state.redis", "  version: v1", '  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for i in range(1, 10):
    lines.append(f"  l{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 9) + "]")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
lint "$tmp/laughs" "$tmp/laughs.yaml"
check "billion laughs: no crash, no hang" survived "$tmp/laughs"
check "billion laughs: yaml-limit-exceeded" has_rule "$tmp/laughs" yaml-limit-exceeded
check "billion laughs: small memory" test "$(/usr/bin/time -f %M "$bin" --fail-on none "$tmp/laughs.yaml" 2>&1 >/dev/null | tail -1)" -lt 300000
printf '%s\n---\na: &a [1, *a]\n' "$cm" >"$tmp/self-alias.yaml"
lint "$tmp/self-alias" "$tmp/self-alias.yaml"
check "alias inside its own anchor: a yaml-syntax finding" has_rule "$tmp/self-alias" yaml-syntax
check "alias inside its own anchor: documents before it kept" test "$(objects "$tmp/self-alias")" = 1

# --- Nesting 100,000 levels deep: a located finding, no stack overflow.
python3 -c 'import sys; sys.stdout.write("[" * 100000 + "]" * 100000 + "\n")' >"$tmp/deep-seq.yaml"
python3 -c 'import sys; sys.stdout.write("a: " + "{a: " * 100000 + "1" + "}" * 100000 + "\n")' >"$tmp/deep-map.yaml"
for f in deep-seq deep-map; do
  lint "$tmp/$f" "$tmp/$f.yaml"
  check "$f: no crash" survived "$tmp/$f"
  check "$f: yaml-limit-exceeded" has_rule "$tmp/$f" yaml-limit-exceeded
done
check "deep nesting: located at the bracket past --max-depth" \
  grep -q '"column": 257,' "$tmp/deep-seq.json"
lint "$tmp/deep-own" --max-depth 50000 "$tmp/deep-seq.yaml"
check "deep nesting past yaml-cpp's own limit: still a limit finding" has_rule "$tmp/deep-own" yaml-limit-exceeded
lint "$tmp/small-depth" --max-depth 2 <(printf '%s\nx: {a: {b: 1}}\n' "$cm")
check "--max-depth is honoured" has_rule "$tmp/small-depth" yaml-limit-exceeded
lint "$tmp/small-nodes" --max-nodes 5 <(printf '%s\n' "$cm")
check "--max-nodes is honoured" has_rule "$tmp/small-nodes" yaml-limit-exceeded
check "bad --max-depth exits 2" bash -c "'$bin' --max-depth 0 '$tmp/laughs.yaml'; test \$? = 2"

# --- Size: a file over --max-file-size is not read at all, streams stop at the limit.
truncate -s 1G "$tmp/huge.yaml"
lint "$tmp/huge" "$tmp/huge.yaml" --max-file-size 1000000
check "1 GB file over the limit: finding" has_rule "$tmp/huge" yaml-limit-exceeded
check "1 GB file over the limit: not read (small RSS)" \
  test "$(/usr/bin/time -f %M "$bin" --fail-on none --max-file-size 1000000 "$tmp/huge.yaml" 2>&1 >/dev/null | tail -1)" -lt 200000
lint "$tmp/huge-default" "$tmp/huge.yaml"
check "1 GB file over the default limit (512 MiB): finding" has_rule "$tmp/huge-default" yaml-limit-exceeded
lint "$tmp/stream-big" --max-file-size 100 - <"$tmp/laughs.yaml"
check "stdin over the limit: finding" has_rule "$tmp/stream-big" yaml-limit-exceeded
python3 -c 'import sys; sys.stdout.write(sys.argv[1] + "\ndata:\n  big: \"" + "x" * 50_000_000 + "\"\n")' "$cm" >"$tmp/scalar.yaml"
lint "$tmp/scalar" "$tmp/scalar.yaml"
check "50 MB scalar: linted" test "$(objects "$tmp/scalar")" = 1

# --- Bytes that are not text, and text in unusual dress.
head -c 1000000 /dev/zero >"$tmp/nul.yaml"
python3 -c 'import random,sys; r=random.Random(5); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(200000)))' >"$tmp/binary.yaml"
printf '%s\ndata:\n  bad: "\xff\xfe\xc3("\n  bare: \xff\xfe\n' "$cm" >"$tmp/utf8.yaml"
for f in nul binary utf8; do
  lint "$tmp/$f" "$tmp/$f.yaml"
  check "$f: no crash" survived "$tmp/$f"
  check "$f: JSON report still valid" objects "$tmp/$f"
done
check "NUL bytes: not silently accepted" grep -q '"ruleId": "yaml-syntax"' "$tmp/nul.json"
printf '\xef\xbb\xbf%s\n' "$cm" >"$tmp/bom.yaml"
lint "$tmp/bom" "$tmp/bom.yaml"
check "UTF-8 BOM: object read" test "$(objects "$tmp/bom")" = 1
check "UTF-8 BOM: no finding" bash -c "! grep -q ruleId '$tmp/bom.json'"
cat >"$tmp/lf.yaml" <<'Y'
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec:
  template:
    metadata:
      annotations:
        dapr.io/enabled: "true"
        dapr.io/app-id: orders
Y
sed 's/$/\r/' "$tmp/lf.yaml" >"$tmp/crlf.yaml"
check "CRLF: same findings and lines as LF" bash -c "diff <('$bin' --fail-on none '$tmp/lf.yaml' | sed 's/^[^:]*://') <('$bin' --fail-on none '$tmp/crlf.yaml' | sed 's/^[^:]*://')"
check "CRLF: findings at all" bash -c "'$bin' --fail-on none '$tmp/crlf.yaml' | grep -q sc-api-token-missing"
printf '%s\ndata:\n\tkey: value\n' "$cm" >"$tmp/tabs.yaml"
lint "$tmp/tabs" "$tmp/tabs.yaml"
check "tab indentation: yaml-syntax at line 5" grep -q '"line": 5,' "$tmp/tabs.json"
printf 'just a string\n---\n- a\n- b\n---\n42\n' >"$tmp/scalars.yaml"
: >"$tmp/empty.yaml"
printf -- '---\n' >"$tmp/dashes.yaml"
for f in scalars empty dashes; do
  lint "$tmp/$f" "$tmp/$f.yaml"
  check "$f: exit 0, no object, no finding" bash -c "test \$(cat '$tmp/$f.rc') = 0 && ! grep -q ruleId '$tmp/$f.json' && test \$(python3 -c 'import json; print(json.load(open(\"$tmp/$f.json\"))[\"summary\"][\"objects\"])') = 0"
done
printf '%s\ndata:\n  a: "1"\n  a: "2"\n' "$cm" >"$tmp/dup.yaml"
check "duplicate key: located at the second key, names the first line" \
  bash -c "'$bin' '$tmp/dup.yaml' | grep -q \"dup.yaml:6:3: error: duplicate mapping key 'a', first at line 5: the API server keeps the last value.* \\[yaml-duplicate-key\\]\""

# --- Paths.
lint "$tmp/missing" "$tmp/nope.yaml" "$tmp/lf.yaml"
check "nonexistent path: exit 2, others linted" bash -c "test \$(cat '$tmp/missing.rc') = 2 && grep -q 'nope.yaml' '$tmp/missing.err' && grep -q sc-api-token-missing '$tmp/missing.json'"
if [ "$(id -u)" = 0 ]; then
  echo "SKIP: unreadable file (running as root, which reads any file)"; skipped=$((skipped + 1))
else
  cp "$tmp/lf.yaml" "$tmp/secret.yaml" && chmod 000 "$tmp/secret.yaml"
  lint "$tmp/unreadable" "$tmp/secret.yaml"
  check "unreadable file: exit 2 with the reason" bash -c "test \$(cat '$tmp/unreadable.rc') = 2 && grep -q 'Permission denied' '$tmp/unreadable.err'"
fi
mkdir -p "$tmp/loop/sub" && cp "$tmp/lf.yaml" "$tmp/loop/sub/a.yaml"
ln -s .. "$tmp/loop/sub/up" && ln -s self "$tmp/loop/self" && ln -s "$tmp/loop" "$tmp/loop/sub/again"
lint "$tmp/symloop" "$tmp/loop"
check "directory symlink loop: no hang, file read once" test "$(objects "$tmp/symloop")" = 1
lint "$tmp/selflink" "$tmp/loop/self"
check "self-referencing symlink argument: exit 2 with the reason" \
  bash -c "test \$(cat '$tmp/selflink.rc') = 2 && grep -qi 'symbolic links' '$tmp/selflink.err'"
mkfifo "$tmp/pipe.yaml"
(cat "$tmp/lf.yaml" >"$tmp/pipe.yaml" &)
lint "$tmp/fifo" "$tmp/pipe.yaml"
check "FIFO argument: read like stdin" grep -q sc-api-token-missing "$tmp/fifo.json"
mkdir -p "$tmp/withfifo" && mkfifo "$tmp/withfifo/stuck.yaml" && cp "$tmp/lf.yaml" "$tmp/withfifo/"
lint "$tmp/dirfifo" "$tmp/withfifo"
check "FIFO inside a directory: skipped, no block" bash -c "test \$(cat '$tmp/dirfifo.rc') = 0 && grep -q sc-api-token-missing '$tmp/dirfifo.json'"
lint "$tmp/stdin2" /dev/stdin /dev/stdin <"$tmp/lf.yaml"
check "/dev/stdin twice: no hang" survived "$tmp/stdin2"
cat "$tmp/lf.yaml" | lint "$tmp/dash2" - -
check "- twice from a pipe: read once, second is empty" test "$(objects "$tmp/dash2")" = 1
mkdir "$tmp/many"
python3 - "$tmp/many" <<'PY'
import os, sys
for i in range(100000):
    with open(os.path.join(sys.argv[1], f"{i:06d}.yaml"), "w") as f:
        f.write(f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i}, namespace: shop}}\n")
PY
lint "$tmp/many" "$tmp/many"
check "100,000 files in one directory: all linted" test "$(objects "$tmp/many")" = 100000

# --- Output.
check "stdout to /dev/full: exit 2 with a message" \
  bash -c "'$bin' '$tmp/lf.yaml' >/dev/full 2>'$tmp/full.err'; test \$? = 2 && grep -q 'cannot write' '$tmp/full.err'"
for i in $(seq 200); do cat "$tmp/lf.yaml"; echo ---; done >"$tmp/many-findings.yaml"
timeout 30 bash -c "'$bin' --fail-on none '$tmp/many-findings.yaml' 2>'$tmp/pipe.err' | head -1 >/dev/null"
check "closed stdout pipe: no hang" test $? != 124
check "closed stdout pipe: quiet" test ! -s "$tmp/pipe.err"

echo "$passed passed, $failed failed, $skipped skipped"
test "$failed" = 0
