#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "report/fingerprints.h"
#include "report/json_stream.h"
#include "report/markup.h"
#include "report/report.h"
#include "report/rule_docs.h"
#include "report/rule_set.h"

namespace daprlint {
namespace {

using json = nlohmann::ordered_json;

/// Relative paths stay relative to %SRCROOT% (GitHub resolves them against the checkout).
json artifact(const std::string& path) {
  if (path.starts_with("/")) return {{"uri", "file://" + url_path(path)}};
  return {{"uri", url_path(path)}, {"uriBaseId", "%SRCROOT%"}};
}

/// `cp-ha-replicas` -> `CpHaReplicas` (SARIF's reportingDescriptor.name).
std::string pascal(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

/// The rule's remediation, the releases it applies to and the release whose guidance the run
/// applied: what `daprlint explain` prints, in Markdown.
std::string help_text(const Rule& r, const Report& report) {
  std::string text = r.remediation;
  if (!text.ends_with('\n')) text += '\n';
  return text + "\n" + release_section(r) + "\nThis run applied the " + report.release_text + ".\n";
}

json rule_descriptor(const Rule& r, const Report& report) {
  json props;
  props["tags"] = r.tags;
  props["precision"] = "high";
  if (!r.security_severity.empty()) props["security-severity"] = r.security_severity;
  return {
      {"id", r.id},
      {"name", pascal(r.id)},
      {"shortDescription", {{"text", r.title}}},
      {"fullDescription", {{"text", r.description}}},
      {"help", {{"text", help_text(r, report)}, {"markdown", help_text(r, report)}}},
      {"helpUri", r.help_uri},
      {"defaultConfiguration", {{"level", std::string(severity_name(r.severity))}}},
      {"properties", props},
  };
}

/// The template file of a finding in a chart folder daprlint rendered (`charts/orders (helm
/// template)`, source `orders/templates/x.yaml` -> `charts/orders/templates/x.yaml`); empty
/// otherwise.
std::string template_file(const std::string& file, const std::string& helm_source) {
  constexpr std::string_view kRendered = " (helm template)";
  const std::size_t slash = helm_source.find('/');
  if (!file.ends_with(kRendered) || slash == std::string::npos) return {};
  const std::string dir = file.substr(0, file.size() - kRendered.size());
  return dir + helm_source.substr(slash);
}

/// One SARIF result per finding. The fingerprints are computed once up front, so results can
/// then be made on any thread.
class ResultWriter {
 public:
  ResultWriter(const Report& report, const std::map<std::string, std::size_t>& index)
      : report_(report), index_(index), fingerprints_(result_fingerprints(report)) {}

  json operator()(std::size_t i) const {
    const Finding& f = report_.findings[i];
    const std::string& file = report_.files[f.file_index];
    json location = {{"physicalLocation",
                      {{"artifactLocation", artifact(file)},
                       {"region", {{"startLine", f.line}, {"startColumn", f.column}}}}}};
    if (!f.kind.empty()) {
      std::string fqn = f.kind + "/" + (f.namespace_.empty() ? "" : f.namespace_ + "/") + f.name;
      location["logicalLocations"] =
          json::array({{{"fullyQualifiedName", fqn}, {"kind", "resource"}}});
    }
    json result = {{"ruleId", f.rule_id}};
    if (auto it = index_.find(f.rule_id); it != index_.end()) result["ruleIndex"] = it->second;
    result["level"] = std::string(severity_name(f.severity));
    result["message"] = {{"text", f.message}};
    result["locations"] = json::array({location});
    // Both keys hold our own identity (rule, file, object, node path), not the line text, so
    // GitHub keeps an alert open across edits that only move lines.
    const auto& [fp, occurrence] = fingerprints_[i];
    result["partialFingerprints"] = {
        {"primaryLocationLineHash", fp + ":" + std::to_string(occurrence + 1)},
        {"daprlintFingerprint/v1", fp}};
    if (f.suppression) {
      json suppression = {{"kind", f.suppression->in_source ? "inSource" : "external"},
                          {"status", "accepted"}};
      if (!f.suppression->reason.empty()) suppression["justification"] = f.suppression->reason;
      result["suppressions"] = json::array({suppression});
    }
    if (report_.baseline_used) result["baselineState"] = "new";
    result["properties"] = {{"daprRelease", report_.release}};
    if (!f.helm_source.empty()) result["properties"]["helmSource"] = f.helm_source;
    if (std::string source = template_file(file, f.helm_source); !source.empty()) {
      result["relatedLocations"] =
          json::array({{{"id", 1},
                        {"physicalLocation", {{"artifactLocation", artifact(source)}}},
                        {"message", {{"text", "Helm template that renders this object"}}}}});
    }
    return result;
  }

 private:
  const Report& report_;
  const std::map<std::string, std::size_t>& index_;
  std::vector<ResultFingerprint> fingerprints_;
};

}  // namespace

void render_sarif(const Report& report, std::ostream& out) {
  json rules = json::array();
  std::map<std::string, std::size_t> index;
  for (const Rule* r : report.rules) {
    index[r->id] = rules.size();
    rules.push_back(rule_descriptor(*r, report));
  }
  json notifications = json::array();
  for (const Notice& n : report.notices) {
    notifications.push_back(
        {{"level", "note"},
         {"message", {{"text", n.message}}},
         {"locations",
          json::array({{{"physicalLocation",
                         {{"artifactLocation", artifact(report.files[n.file_index])}}}}})}});
  }
  json invocation = {{"executionSuccessful", true}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  json run = {
      {"tool",
       {{"driver",
         {{"name", "daprlint"},
          {"version", DAPRLINT_VERSION},
          {"semanticVersion", DAPRLINT_VERSION},
          {"informationUri",
           "https://docs.dapr.io/operations/hosting/kubernetes/kubernetes-production/"},
          {"rules", std::move(rules)}}}}},
      {"automationDetails", {{"id", "daprlint/"}}},
      {"properties",
       {{"daprRelease", report.release},
        {"daprReleaseVersion", report.release_version},
        {"daprReleaseSource", report.release_source},
        {"guidance", report.release_text},
        {"ruleSet", rule_set_json(report)}}},
      {"invocations", json::array({invocation})},
      {"columnKind", "unicodeCodePoints"},
      {"results", json::array({kStreamedArray})},
  };
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({run})}};
  ResultWriter result_of(report, index);
  write_streamed(
      out, doc, report.findings.size(), [&](std::size_t i) { return result_of(i); }, report.jobs);
}

}  // namespace daprlint
