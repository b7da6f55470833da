#pragma once
// Dapr release versions read from image references.

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "model/object.h"

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
/// The `-mariner` image flavour is the same release. Nothing for `edge`, `latest`, untagged or
/// digest-only references.
std::optional<Version> image_version(std::string_view image);

/// The Dapr release of each container image of a control-plane workload. Empty for the
/// dashboard, whose images follow their own 0.x release line.
std::vector<std::pair<Node, Version>> dapr_image_versions(const Object& object);

/// `1.12` -> Version{1, 12, 0}: the minor releases that thresholds in rule params name.
std::optional<Version> parse_minor_version(std::string_view text);

class Inventory;

/// The most common version of a list (ties: the newest); nullopt for an empty list.
std::optional<Version> most_common_version(const std::vector<Version>& versions);

/// The control plane's release: its most common image version (ties: the newest); nullopt
/// when the input holds no versioned control-plane image.
std::optional<Version> control_plane_version(const Inventory& inventory);

/// The guideline edition for a Dapr version: `dapr-0.11` below 1.0, `dapr-1.0` for 1.0-1.11,
/// `current` from 1.12 (dapr/docs#4091 dropped control-plane memory limits "in Dapr 1.12+").
std::string profile_for(const Version& v);

}  // namespace daprlint
