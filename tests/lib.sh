# Shared by the shell tests: `source "$(dirname "$0")/lib.sh"` after `set -uo pipefail`.
# Sets root (the source tree) and tmp (removed on exit); check/rc/finish count and report.
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND... : the command must succeed
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
rc() { "$@" >/dev/null 2>&1; echo $?; }
finish() {  # finish SUITE-NAME : prints the counts; the exit status says whether all passed
  echo "$1: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}
