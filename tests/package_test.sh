#!/usr/bin/env bash
# What users install: `cmake --install` into a prefix, and the .deb that `cpack -G DEB` builds
# from the same rules (its files, its Depends, and that the extracted binary runs on its own).
# usage: package_test.sh BUILD_DIR VERSION
set -uo pipefail
build=$1 version=$2
source "$(dirname "$0")/lib.sh"

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
check "install: bin/daprlint" test -x "$tmp/prefix/bin/daprlint"
check "install: rules reference" test -s "$tmp/prefix/share/doc/daprlint/rules.md"
check "install: README" test -s "$tmp/prefix/share/doc/daprlint/README.md"

# Into a directory of our own, so parallel tests and the build tree are untouched.
(cd "$build" && cpack -G DEB -B "$tmp/pkg") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
deb=$(ls "$tmp"/pkg/*.deb 2>/dev/null | head -1)
check "the package is daprlint_<version>_<arch>.deb" test "$(basename "$deb")" = "daprlint_${version}_$(dpkg --print-architecture).deb"
dpkg-deb -c "$deb" | awk '{print $NF}' > "$tmp/contents"
check "package contains usr/bin/daprlint" grep -qx './usr/bin/daprlint' "$tmp/contents"
check "package contains the rules reference" grep -qx './usr/share/doc/daprlint/rules.md' "$tmp/contents"
check "package version is the project's" test "$(dpkg-deb -f "$deb" Version)" = "$version"
check "package has a maintainer" test -n "$(dpkg-deb -f "$deb" Maintainer)"
dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' > "$tmp/depends"
# Every shared library the binary links must come from a package named in Depends, or the .deb
# installs on a fresh machine and then fails to start.
for lib in $(ldd "$build/daprlint" | awk '/=> \//{print $3}'); do
  pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null)
  pkg=${pkg%%:*}
  check "Depends names ${pkg:-the owner of $lib} (for $(basename "$lib"))" grep -qx "${pkg:-no-owner}" "$tmp/depends"
done

dpkg-deb -x "$deb" "$tmp/root"
check "the extracted binary prints its version" bash -c "'$tmp/root/usr/bin/daprlint' --version | grep -qx 'daprlint $version'"
# The rules are compiled in: the installed binary lints without the source tree.
check "the extracted binary lints the demo" "$tmp/root/usr/bin/daprlint" --fail-on none "$root/fixtures/demo"

finish package
