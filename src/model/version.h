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

/// The Dapr release of the image of a control-plane workload's Dapr container (dapr_container;
/// not the sidecars added beside it). Empty for the dashboard, whose images follow their own 0.x
/// release line, and for other objects.
std::vector<std::pair<Node, Version>> dapr_image_versions(const Object& object);

/// `1.12` -> Version{1, 12, 0}: the minor releases that thresholds in rule params name.
std::optional<Version> parse_minor_version(std::string_view text);

class Inventory;

/// The most common version of a list (ties: the newest); nullopt for an empty list.
std::optional<Version> most_common_version(const std::vector<Version>& versions);

/// The control plane's release: its most common image version (ties: the newest); nullopt
/// when the input holds no versioned control-plane image.
std::optional<Version> control_plane_version(const Inventory& inventory);

/// The Dapr release an input runs, and where it was read.
struct FoundVersion {
  Version version;     // a release line alone (`1.16.x`) has patch 0 and keeps its text
  std::string source;  // `control-plane images`, `HelmRelease dapr-system/dapr`, ...
};

/// The Dapr release of the input, from the first of: the control plane's images, its
/// `app.kubernetes.io/version` labels, the chart version a Flux HelmRelease or Argo CD
/// Application installs (the newest release line a constraint admits), the daprd images of a
/// cluster export. nullopt when none tells.
std::optional<FoundVersion> input_version(const Inventory& inventory);

}  // namespace daprlint
