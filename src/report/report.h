#pragma once
// Renderers: one per output format, all reading the same sorted findings.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/finding.h"
#include "rules/rule.h"
#include "rules/selection.h"

namespace daprlint {

/// A file that was read but not linted, e.g. an unrendered Helm template.
struct Notice {
  std::size_t file_index = 0;
  std::string message;
};

struct Report {
  std::vector<std::string> files;      // display paths
  std::vector<const Rule*> rules;      // every rule of the run, sorted by id
  std::vector<const Rule*> all_rules;  // every rule daprlint has, selected or not
  RuleSelection selection;             // the selectors that chose `rules`
  std::vector<Finding> findings;       // sorted
  std::vector<Notice> notices;
  std::size_t objects = 0;
  /// The Dapr release whose guidance applied: `1.16`, as found (`1.16.19`, empty when none
  /// was), where (`control-plane images`), and all of it in words for the summary line.
  std::string release, release_version, release_source, release_text;
  bool show_suppressed = false;  // text: list suppressed findings too
  unsigned jobs = 1;             // threads that render JSON and SARIF findings (0: every core)
  bool baseline_used = false;
  std::size_t baseline_matched = 0;  // findings hidden by --baseline
  std::size_t baseline_absent = 0;   // baseline entries that no longer occur
  /// The findings --baseline hid (html lists them apart), and its file.
  std::vector<Finding> baseline_findings;
  std::string baseline_path;
  /// --fail-on: findings at or above it fail the run (junit, markdown); none: nothing fails.
  std::optional<Severity> fail_on = Severity::Warning;
};

/// Findings by severity; suppressed ones are counted apart and in no severity.
struct Counts {
  std::size_t errors = 0, warnings = 0, notes = 0, suppressed = 0;
};
Counts count(const std::vector<Finding>& findings);

/// ` (Kind namespace/name)` after a message, or empty for a finding about a file.
std::string object_suffix(const Finding& f);

/// `file:line:col: severity: message [rule-id] (Kind namespace/name)`, then a summary line.
void render_text(const Report& report, std::ostream& out, bool color);
/// The JSON contract documented in README.md.
void render_json(const Report& report, std::ostream& out);
/// SARIF 2.1.0 for GitHub code scanning.
void render_sarif(const Report& report, std::ostream& out);
/// A Code Climate report (JSON array) for GitLab's Code Quality merge request widget.
void render_codeclimate(const Report& report, std::ostream& out);
/// GitHub Actions workflow commands (`::error file=...,line=...::`): annotations on the PR diff.
void render_github(const Report& report, std::ostream& out);
/// JUnit XML for Azure Pipelines, Jenkins and GitLab: a test case per rule and object.
void render_junit(const Report& report, std::ostream& out);
/// A Markdown summary for a PR comment or $GITHUB_STEP_SUMMARY; links are `link_base` + path
/// (`link_base` empty: relative to the repository root).
void render_markdown(const Report& report, std::ostream& out, const std::string& link_base);
/// One self-contained HTML page: summary, chart, findings with the rules' texts, filters.
void render_html(const Report& report, std::ostream& out);
/// The last line of the text and github formats: counts, files, objects, profile, baseline.
std::string summary_line(const Report& report);

}  // namespace daprlint
