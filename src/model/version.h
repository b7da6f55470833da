#pragma once
// Dapr release versions read from image references.

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace daprlint {

struct Version {
  int major = 0;
  int minor = 0;
  int patch = 0;
  std::string suffix;  // `-rc.1`: kept for display, ignored when ordering
  std::string text;    // as found, e.g. `1.16.2`

  auto operator<=>(const Version& o) const {
    return std::tie(major, minor, patch) <=> std::tie(o.major, o.minor, o.patch);
  }
  bool operator==(const Version& o) const { return text == o.text; }
};

/// `ghcr.io/dapr/operator:1.16.2` -> 1.16.2; `daprio/dapr:0.11.3` -> 0.11.3; `v1.2.3` accepted.
/// Nothing for `edge`, `latest`, untagged or digest-only references.
std::optional<Version> image_version(std::string_view image);

/// The guideline edition for a Dapr version: `dapr-0.11` below 1.0, `dapr-1.0` for 1.0-1.11,
/// `current` from 1.12 (dapr/docs#4091 dropped control-plane memory limits "in Dapr 1.12+").
std::string profile_for(const Version& v);

}  // namespace daprlint
