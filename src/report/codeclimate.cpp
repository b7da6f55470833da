#include <map>
#include <nlohmann/json.hpp>

#include "report/fingerprints.h"
#include "report/report.h"

namespace daprlint {
namespace {

/// Code Climate's scale, as GitLab's merge request widget shows it.
const char* codeclimate_severity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "critical";
    case Severity::Warning:
      return "major";
    case Severity::Note:
      return "minor";
  }
  return "info";
}

/// Code Climate's category for a rule's category.
const char* codeclimate_category(std::string_view category) {
  if (category == "security") return "Security";
  if (category == "resources") return "Performance";
  if (category == "upgrade") return "Compatibility";
  if (category == "observability") return "Clarity";
  return "Bug Risk";  // reliability, correctness
}

}  // namespace

void render_codeclimate(const Report& report, std::ostream& out) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  const std::vector<ResultFingerprint> fingerprints = result_fingerprints(report);
  std::map<std::string_view, std::string_view> category;
  for (const Rule* r : report.rules) category[r->id] = r->category;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (f.suppression) continue;
    const std::string& file = report.files[f.file_index];
    std::string description = f.message + object_suffix(f);
    nlohmann::ordered_json issue;
    issue["type"] = "issue";
    issue["check_name"] = f.rule_id;
    issue["description"] = description;
    issue["categories"] = {codeclimate_category(category[f.rule_id])};
    issue["severity"] = codeclimate_severity(f.severity);
    // GitLab matches issues across pipelines by fingerprint and counts equal ones once.
    issue["fingerprint"] = fingerprints[i].hash;
    issue["location"] = {{"path", file.starts_with("./") ? file.substr(2) : file},
                         {"lines", {{"begin", f.line}}}};
    issues.push_back(std::move(issue));
  }
  // Messages quote the input, which may not be UTF-8: replace bad bytes instead of throwing.
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace daprlint
