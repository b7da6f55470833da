// JUnit XML as Jenkins' junit-10 schema (the Ant format) describes it, which Azure Pipelines'
// PublishTestResults@2 (testResultsFormat: JUnit), Jenkins' junit step and GitLab's
// artifacts:reports:junit all read: a test suite per rule, a test case per rule and object.
//
// Findings at or above --fail-on are <failure>s. Lower ones pass, listed in <system-out>: a
// <skipped> would say the check did not run (Azure counts it "not executed"), while all three
// show a test's standard output in its details. A test case whose findings are all suppressed
// is <skipped> with the reason: the user accepted them, the check did not pass either.
#include <algorithm>
#include <map>
#include <vector>

#include "report/markup.h"
#include "report/report.h"

namespace daprlint {
namespace {

std::string location(const Report& report, const Finding& f) {
  return report.files[f.file_index] + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
}

/// `file:line:col: severity: message (Kind ns/name)`, then the helm source and suppression.
std::string finding_text(const Report& report, const Finding& f) {
  std::string text = location(report, f) + ": " + std::string(severity_name(f.severity)) + ": " +
                     f.message + object_suffix(f) + "\n";
  if (!f.helm_source.empty()) text += "  helm source: " + f.helm_source + "\n";
  if (f.suppression)
    text +=
        "  suppressed" + (f.suppression->reason.empty() ? "" : ": " + f.suppression->reason) + "\n";
  return text;
}

struct Totals {
  std::size_t tests = 0, failures = 0, skipped = 0;
};

/// Counts one test case: the findings of a rule on one object (or file).
void tally(const Report& report, const std::vector<const Finding*>& findings, Totals& totals) {
  ++totals.tests;
  if (std::any_of(findings.begin(), findings.end(),
                  [&](const Finding* f) { return fails_run(*f, report); }))
    ++totals.failures;
  else if (!findings.empty() && std::all_of(findings.begin(), findings.end(), [](const Finding* f) {
             return f->suppression.has_value();
           }))
    ++totals.skipped;
}

/// One test case: the findings of `rule` on one object (or file); none: the rule passed.
std::string test_case(const Report& report, const std::string& rule, const std::string& name,
                      const std::vector<const Finding*>& findings) {
  std::string failed, other;
  const Finding* first_failure = nullptr;
  bool all_suppressed = !findings.empty();
  for (const Finding* f : findings) {
    if (fails_run(*f, report)) {
      if (!first_failure) first_failure = f;
      failed += finding_text(report, *f);
    } else {
      other += finding_text(report, *f);
    }
    if (!f->suppression) all_suppressed = false;
  }
  const std::string open = "    <testcase name=\"" + xml_escape(rule + ": " + name, true) +
                           "\" classname=\"daprlint." + xml_escape(rule, true) + "\" time=\"0\"";
  std::string out;
  if (first_failure) {
    out += "      <failure message=\"" +
           xml_escape(location(report, *first_failure) + ": " + first_failure->message, true) +
           "\" type=\"" + std::string(severity_name(first_failure->severity)) + "\">" +
           xml_escape(failed + "daprlint explain " + rule + "\n") + "</failure>\n";
  } else if (all_suppressed) {
    const std::string& reason = findings.front()->suppression->reason;
    out += "      <skipped message=\"" +
           xml_escape("suppressed" + (reason.empty() ? "" : ": " + reason), true) + "\"/>\n";
  }
  if (!other.empty()) out += "      <system-out>" + xml_escape(other) + "</system-out>\n";
  if (out.empty()) return open + "/>\n";  // passed
  return open + ">\n" + out + "    </testcase>\n";
}

}  // namespace

void render_junit(const Report& report, std::ostream& out) {
  // rule -> object (or file) -> findings, in id and name order; every rule of the run appears.
  std::map<std::string, std::map<std::string, std::vector<const Finding*>>> cases;
  for (const Rule* r : report.rules) cases[r->id];
  for (const Finding& f : report.findings) {
    std::string name = f.kind.empty() ? report.files[f.file_index] : object_name(f);
    cases[f.rule_id][name].push_back(&f);
  }
  // The counts go first, in the attributes: tally every case, then write the cases one by
  // one (a big audit's whole document took more memory than the audit).
  Totals all;
  std::map<std::string_view, Totals> per_rule;
  for (const auto& [rule, objects] : cases) {
    Totals& totals = per_rule[rule];
    if (objects.empty()) tally(report, {}, totals);
    for (const auto& [name, findings] : objects) tally(report, findings, totals);
    all.tests += totals.tests;
    all.failures += totals.failures;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"daprlint\" tests=\"" << all.tests << "\" failures=\"" << all.failures
      << "\" errors=\"0\" time=\"0\">\n";
  for (const auto& [rule, objects] : cases) {
    const Totals& totals = per_rule[rule];
    out << "  <testsuite name=\"" << xml_escape(rule, true) << "\" tests=\"" << totals.tests
        << "\" failures=\"" << totals.failures << "\" errors=\"0\" skipped=\"" << totals.skipped
        << "\" time=\"0\">\n";
    if (objects.empty()) out << test_case(report, rule, "no findings", {});
    for (const auto& [name, findings] : objects) out << test_case(report, rule, name, findings);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace daprlint
