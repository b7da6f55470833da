#include "model/finding.h"

#include <array>
#include <utility>

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

}  // namespace daprlint
