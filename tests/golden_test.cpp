// Renders fixtures/golden/input.yaml in every format and compares with tests/golden/expected.*.
// UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace daprlint;

namespace {

std::string redact(std::string s) {
  const std::string version = DAPRLINT_VERSION;
  for (std::size_t at = s.find(version); at != std::string::npos; at = s.find(version, at)) {
    s.replace(at, version.size(), "[VERSION]");
  }
  return s;
}

std::string render(const std::string& format) {
  fs::current_path(test::source_dir());  // so the report shows the relative path
  LintResult result = test::lint_pinned({"fixtures/golden/input.yaml"});
  Report report = make_report(result, test::embedded_rules(), {});
  std::ostringstream out;
  if (format == "txt") render_text(report, out, false);
  if (format == "json") render_json(report, out);
  if (format == "sarif") render_sarif(report, out);
  if (format == "github") render_github(report, out);
  if (format == "codeclimate") render_codeclimate(report, out);
  if (format == "junit") render_junit(report, out);
  if (format == "md") render_markdown(report, out, "");
  if (format == "html") render_html(report, out);
  return redact(out.str());
}

}  // namespace

TEST_CASE("each output format matches its golden file") {
  for (const char* format :
       {"txt", "json", "sarif", "github", "codeclimate", "junit", "md", "html"}) {
    CAPTURE(format);
    fs::path expected =
        test::source_dir() / "tests" / "golden" / (std::string("expected.") + format);
    std::string actual = render(format);
    if (std::getenv("UPDATE_GOLDEN")) {
      std::ofstream(expected, std::ios::binary) << actual;
      continue;
    }
    CHECK(test::read_text(expected) == actual);
  }
}

TEST_CASE("no output format ever prints the value of an inline secret") {
  for (const char* format :
       {"txt", "json", "sarif", "github", "codeclimate", "junit", "md", "html"}) {
    CAPTURE(format);
    std::string out = render(format);
    CHECK(out.find("redisPassword") != std::string::npos);
    CHECK(out.find("golden-fixture-secret-value") == std::string::npos);
  }
}
