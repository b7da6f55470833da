#include "report/rule_docs.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "../test_support.h"
#include "model/edit_distance.h"

using namespace daprlint;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("dapr.io/app-id", "dapr.io/app-id") == 0);
  CHECK(edit_distance("dapr.io/app-i", "dapr.io/app-id") == 1);
  CHECK(edit_distance("dapr.io/appid", "dapr.io/app-id") == 1);
  CHECK(edit_distance("dapr.io/app-ib", "dapr.io/app-id") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("the rule list and explanations carry every rule's documentation") {
  const RuleSet& rules = test::embedded_rules();
  std::ostringstream markdown;
  render_rule_list(rules.rules, "markdown", markdown);
  for (const Rule& r : rules.rules) {
    CAPTURE(r.id);
    CHECK(markdown.str().find("\n## " + r.id + "\n") != std::string::npos);
    std::ostringstream explained;
    render_rule_explanation(r, explained);
    CHECK(explained.str().starts_with(r.id + " (" + std::string(severity_name(r.severity))));
    CHECK(explained.str().find("```yaml") != std::string::npos);
    CHECK(explained.str().find(r.help_uri) != std::string::npos);
    std::istringstream lines(explained.str());
    bool in_why = false;
    for (std::string line; std::getline(lines, line);) {
      if (line == "Why") in_why = true;
      if (line == "How to fix") in_why = false;
      if (in_why) CHECK(line.size() <= 80);  // the description is wrapped for a terminal
    }
  }
}

TEST_CASE("cp-webhook-ignore-no-watchdog never recommends failurePolicy Fail without a selector") {
  // `Fail` without a namespaceSelector blocks every pod CREATE in the cluster while the injector
  // is down, the injector's own pods included (currency audit 1.3).
  const Rule* rule = test::embedded_rules().find("cp-webhook-ignore-no-watchdog");
  REQUIRE(rule);
  const std::string& text = rule->remediation;
  CHECK(text.find("dapr_sidecar_injector.namespaceSelector") != std::string::npos);
  // Every sentence (or paragraph, for the example) that names Fail also names the selector.
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find(". ", start), text.find("\n\n", start));
    if (end == std::string::npos) end = text.size();
    const std::string part = text.substr(start, end - start);
    CAPTURE(part);
    if (part.find("Fail") != std::string::npos) {
      CHECK((part.find("namespaceSelector") != std::string::npos ||
             part.find("no selector") != std::string::npos));
    }
    start = end + 1;
  }
}

TEST_CASE("cp-scheduler-replicas describes each release's chart, not only 1.14's") {
  // Currency audit 1.6: `replicas: 0` disables the scheduler only up to 1.16 (from 1.17 the chart
  // renders no StatefulSet), and inMemoryStorage fails to render in 1.15/1.16 but renders three
  // in-memory replicas from 1.17.
  const Rule* rule = test::embedded_rules().find("cp-scheduler-replicas");
  REQUIRE(rule);
  const std::string& text = rule->description;
  CHECK(text.find("not at all from 1.17") != std::string::npos);
  CHECK(text.find("fails to render") != std::string::npos);
  CHECK(rule->releases_text == ">=1.14");
}
