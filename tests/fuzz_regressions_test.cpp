// Every input that once crashed a fuzz target (tests/fuzz-regressions/) goes through the whole
// pipeline and all three reporters; the JSON and SARIF must stay parseable.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

TEST_CASE("fuzz regressions: lint and report without a crash") {
  std::size_t files = 0;
  for (const auto& entry :
       fs::directory_iterator(test::source_dir() / "tests" / "fuzz-regressions")) {
    CAPTURE(entry.path());
    ++files;
    LintResult result = test::lint_pinned({entry.path().string()});
    Report report = make_report(result, test::embedded_rules(), EngineOptions{});
    std::ostringstream text, json, sarif;
    CHECK_NOTHROW(render_text(report, text, false));
    REQUIRE_NOTHROW(render_json(report, json));
    REQUIRE_NOTHROW(render_sarif(report, sarif));
    CHECK(nlohmann::json::accept(json.str()));
    CHECK(nlohmann::json::accept(sarif.str()));
  }
  CHECK(files >= 2);
}
