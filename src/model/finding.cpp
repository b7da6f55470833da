#include "model/finding.h"

#include <array>
#include <utility>

#include "model/digest.h"

namespace daprlint {
namespace {

constexpr std::array<std::pair<Severity, std::string_view>, 3> kSeverityNames{{
    {Severity::Error, "error"},
    {Severity::Warning, "warning"},
    {Severity::Note, "note"},
}};

}  // namespace

std::string_view severity_name(Severity s) {
  for (const auto& [severity, name] : kSeverityNames) {
    if (severity == s) return name;
  }
  return "note";
}

std::optional<Severity> parse_severity(std::string_view s) {
  for (const auto& [severity, name] : kSeverityNames) {
    if (name == s) return severity;
  }
  return std::nullopt;
}

std::string finding_fingerprint(const Finding& f, const std::string& file) {
  std::string key = "daprlint-baseline/v1\n" + f.rule_id + '\n';
  if (f.kind.empty()) {
    key += file + '\n' + f.message;
  } else {
    key += f.kind + '/' + f.namespace_ + '/' + f.name + '\n' + f.node_path;
  }
  return sha256_hex(key);
}

}  // namespace daprlint
