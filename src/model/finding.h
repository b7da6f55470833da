#pragma once
// What a rule reports, and how bad it is.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/release.h"

namespace daprlint {

/// Ordered, so a threshold compares with >=. The names are also SARIF's levels.
enum class Severity { Note = 0, Warning = 1, Error = 2 };

std::string_view severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

/// Why a finding is not counted: an annotation or comment in the manifest (SARIF kind
/// `inSource`) or an exemption in .daprlint.yaml (`external`).
struct Suppression {
  bool in_source = true;
  std::string reason;  // may be empty: the suppression-without-reason note says so
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::Warning;
  std::string message;  // never holds a secret value
  std::size_t file_index = 0;
  std::uint32_t line = 1;  // 1-based
  std::uint32_t column = 1;
  std::string api_version;  // the object; empty for findings about a file (yaml-syntax)
  std::string kind;
  std::string namespace_;
  std::string name;
  std::string helm_source;
  std::string node_path;  // path of the reported node in its object: stable across line moves
  std::optional<Suppression> suppression;  // set: reported only with --show-suppressed
  /// The Dapr releases whose guidance it follows, a bit each (model/release.h): objects are
  /// checked as they load, before the run's release is known, and the findings of other
  /// releases are dropped once it is (engine/object_phase.h).
  ReleaseMask releases = kEveryRelease;
};

/// 32 hex digits of SHA-256 over the finding's identity. Findings about a file rather than an
/// object (yaml-syntax) use the file and the message instead.
std::string finding_fingerprint(const Finding& f, const std::string& file);

}  // namespace daprlint
