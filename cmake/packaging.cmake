# What `cmake --install` puts where, and the Debian package `cpack -G DEB` (or `make package`)
# builds from it. Included by the top-level CMakeLists.txt after the daprlint target exists.
include(GNUInstallDirs)

install(TARGETS daprlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The rule reference and the README travel with the binary: a CI runner that installed the .deb
# has no clone to read them from.
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/rules.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME daprlint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "production-readiness linter for Dapr on Kubernetes manifests")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "daprlint reads rendered Kubernetes manifests (helm template output, a\n"
       "manifest repository, a kubectl export) and reports every deviation from\n"
       "Dapr's production guidelines at the file, line and column of the offending\n"
       "field, as text, JSON or SARIF.")
set(CPACK_PACKAGE_CONTACT "daprlint maintainers <maintainers@users.noreply.r-seed-6a5cc14e.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# DEB-DEFAULT names the file daprlint_<version>_<arch>.deb, the name apt and users expect.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Depends is computed by dpkg-shlibdeps from the libraries the binary links (libyaml-cpp0.7,
# libre2-9, libssl3 on bookworm), so it stays right when a distribution renames them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)

include(CPack)
