#include <map>
#include <nlohmann/json.hpp>

#include "report/fingerprints.h"
#include "report/json_stream.h"
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
  const std::vector<ResultFingerprint> fingerprints = result_fingerprints(report);
  std::map<std::string_view, std::string_view> category;
  for (const Rule* r : report.rules) category[r->id] = r->category;
  std::vector<std::size_t> shown;  // the findings that are issues: not suppressed
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    if (!report.findings[i].suppression) shown.push_back(i);
  }
  auto issue = [&](std::size_t k) {
    const std::size_t i = shown[k];
    const Finding& f = report.findings[i];
    const std::string& file = report.files[f.file_index];
    nlohmann::ordered_json j;
    j["type"] = "issue";
    j["check_name"] = f.rule_id;
    j["description"] = f.message + object_suffix(f);
    const auto c = category.find(f.rule_id);  // read on several threads: never insert
    j["categories"] = {codeclimate_category(c == category.end() ? "" : c->second)};
    j["severity"] = codeclimate_severity(f.severity);
    // GitLab matches issues across pipelines by fingerprint and counts equal ones once.
    j["fingerprint"] = fingerprints[i].hash;
    j["location"] = {{"path", file.starts_with("./") ? file.substr(2) : file},
                     {"lines", {{"begin", f.line}}}};
    return j;
  };
  // One array, written an issue at a time: a whole document of a big audit's issues took
  // more memory than the audit.
  write_streamed(out, nlohmann::ordered_json::array({kStreamedArray}), shown.size(), issue,
                 report.jobs);
}

}  // namespace daprlint
