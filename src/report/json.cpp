#include <nlohmann/json.hpp>

#include "report/json_stream.h"
#include "report/report.h"
#include "report/rule_set.h"

namespace daprlint {

namespace {

nlohmann::ordered_json finding_json(const Report& report, const Finding& f) {
  nlohmann::ordered_json j;
  j["ruleId"] = f.rule_id;
  j["severity"] = severity_name(f.severity);
  j["message"] = f.message;
  j["file"] = report.files[f.file_index];
  j["line"] = f.line;
  j["column"] = f.column;
  if (f.kind.empty()) {
    j["object"] = nullptr;
  } else {
    j["object"] = {{"apiVersion", f.api_version},
                   {"kind", f.kind},
                   {"namespace", f.namespace_},
                   {"name", f.name}};
  }
  j["path"] = f.node_path;
  j["helmSource"] = f.helm_source.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(f.helm_source);
  j["daprRelease"] = report.release;
  j["suppressed"] = f.suppression.has_value();
  if (f.suppression) {
    j["suppression"] = {{"kind", f.suppression->in_source ? "inSource" : "external"},
                        {"reason", f.suppression->reason}};
  }
  return j;
}

}  // namespace

void render_json(const Report& report, std::ostream& out) {
  nlohmann::ordered_json notices = nlohmann::ordered_json::array();
  for (const Notice& n : report.notices)
    notices.push_back({{"file", report.files[n.file_index]}, {"message", n.message}});
  Counts c = count(report.findings);
  nlohmann::ordered_json doc;
  doc["tool"] = {{"name", "daprlint"}, {"version", DAPRLINT_VERSION}};
  doc["findings"] = nlohmann::ordered_json::array({kStreamedArray});
  doc["notices"] = std::move(notices);
  doc["summary"] = {{"errors", c.errors},        {"warnings", c.warnings},
                    {"notes", c.notes},          {"files", report.files.size()},
                    {"objects", report.objects}, {"suppressed", c.suppressed}};
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
  };
  doc["summary"]["daprRelease"] = {{"release", report.release},
                                   {"version", or_null(report.release_version)},
                                   {"source", or_null(report.release_source)}};
  doc["summary"]["ruleSet"] = rule_set_json(report);
  if (report.baseline_used) {
    doc["summary"]["baseline"] = {{"matched", report.baseline_matched},
                                  {"absent", report.baseline_absent}};
  }
  write_streamed(
      out, doc, report.findings.size(),
      [&](std::size_t i) { return finding_json(report, report.findings[i]); }, report.jobs);
}

}  // namespace daprlint
