// Every file of ../shared/corpus (real public Dapr manifests) loads and lints without a crash,
// and valid YAML never yields a yaml-syntax finding.
#include <doctest/doctest.h>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

TEST_CASE("the shared corpus of real manifests loads cleanly") {
  fs::path corpus = test::shared_dir() / "corpus";
  REQUIRE_MESSAGE(fs::is_directory(corpus),
                  "set DAPRLINT_SHARED to the shared folder; tried " << corpus);
  const std::vector<std::string> files = test::manifest_files(corpus);
  CHECK(files.size() >= 80);
  std::size_t objects = 0, templates = 0;
  for (const std::string& file : files) {
    CAPTURE(file);
    LintResult r = test::lint_pinned({file});
    CHECK(r.errors.empty());
    for (const Finding& f : r.findings) CHECK_MESSAGE(f.rule_id != "yaml-syntax", f.message);
    objects += r.inventory.objects.size();
    templates += r.notices.size();
  }
  // The one unrendered Helm template in the corpus is skipped with a notice, not parsed.
  CHECK(templates == 1);
  CHECK(objects > 100);
}
