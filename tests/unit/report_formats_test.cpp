// The junit, markdown and html renderers: escaping, thresholds, the Markdown cut, and the
// findings they list apart. Their consumers (xmllint, cmark-gfm, Chromium) are run by
// tests/report_formats_test.sh and tests/html_report_test.sh.
#include <doctest/doctest.h>

#include <sstream>

#include "../test_support.h"
#include "report/markup.h"
#include "report/report.h"

namespace fs = std::filesystem;
using namespace daprlint;

namespace {

Report golden_report() {
  fs::current_path(test::source_dir());
  static LintResult result = test::lint_pinned({"fixtures/golden/input.yaml"});
  LintResult copy = result;
  return make_report(copy, test::embedded_rules(), {});
}

std::string junit(const Report& r) {
  std::ostringstream out;
  render_junit(r, out);
  return out.str();
}

std::size_t occurrences(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("xml_escape makes any bytes safe XML text") {
  CHECK(xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
  CHECK(xml_escape("caf\xC3\xA9") == "caf\xC3\xA9");  // UTF-8 stays
  CHECK(xml_escape("\x01|\xFF|\xC0\xAF") == "\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(xml_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(xml_escape("a\nb", false) == "a\nb");
  CHECK(xml_escape("a\nb", true) == "a&#10;b");  // kept through attribute normalisation
  CHECK(utf8_clean("a\tb\x7F\xF5") == "a\tb\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("url_path percent-encodes a repository path") {
  CHECK(url_path("./deploy/a b/c(1)#.yaml") == "deploy/a%20b/c%281%29%23.yaml");
}

TEST_CASE("junit: failures follow --fail-on, other findings are standard output") {
  Report r = golden_report();
  r.fail_on = Severity::Error;
  const std::string at_error = junit(r);
  r.fail_on = Severity::Note;
  const std::string at_note = junit(r);
  r.fail_on = std::nullopt;
  const std::string at_none = junit(r);
  CHECK(occurrences(at_error, "<failure ") > 0);
  CHECK(occurrences(at_note, "<failure ") > occurrences(at_error, "<failure "));
  CHECK(occurrences(at_none, "<failure ") == 0);
  CHECK(at_error.find("<system-out>fixtures/golden/input.yaml:26:7: warning: ") !=
        std::string::npos);
  CHECK(at_error.find("<skipped message=\"suppressed: staging cluster") != std::string::npos);
  // Every rule of the run is a suite, with a passing test case when it found nothing.
  CHECK(occurrences(at_error, "<testsuite ") == r.rules.size());
}

TEST_CASE("markdown: cut past the budget with a count, markup in messages escaped") {
  Report r = golden_report();
  Finding f = r.findings.front();
  f.severity = Severity::Error;
  f.suppression.reset();
  f.message = "<b>bold</b> | *x* @team " + std::string(1000, 'm');
  r.findings.assign(3000, f);
  std::ostringstream out;
  render_markdown(r, out, "https://example.test/blob/sha/");
  const std::string md = out.str();
  CHECK(md.size() < 65536);
  CHECK(md.find("…and ") != std::string::npos);
  CHECK(md.find("\\<b\\>bold\\</b\\> \\| \\*x\\* \\@team") != std::string::npos);
  CHECK(md.find("](https://example.test/blob/sha/fixtures/golden/input.yaml#L") !=
        std::string::npos);
}

TEST_CASE("html: baseline-known findings apart, rule texts once, nothing unescaped") {
  Report r = golden_report();
  Finding known = r.findings.front();
  known.suppression.reset();
  known.message = "</script><script>alert(1)</script>";
  r.baseline_used = true;
  r.baseline_path = "base<line>.json";
  r.baseline_findings.push_back(known);
  std::ostringstream out;
  render_html(r, out);
  const std::string html = out.str();
  CHECK(html.find("known: in the baseline base&lt;line&gt;.json") != std::string::npos);
  CHECK(html.find("&lt;/script&gt;&lt;script&gt;alert(1)") != std::string::npos);
  CHECK(occurrences(html, "<script>") == 1);  // the report's own
  CHECK(occurrences(html, "id=\"rule-cp-priority-class\"") == 1);
  CHECK(occurrences(html, "href=\"#rule-cp-priority-class\"") >= 2);
}
