#pragma once
// What each Dapr release is made of, read from rules/facts/*.yaml: the files
// tools/gen-release-facts derives from ../shared/dapr (chart values and renders, CRDs, the
// injector's annotations, every binary's flags). Compiled into daprlint like the rules.
//
// Most facts are release-ranged values: a map from a release range to a value,
// `{">=1.10 <1.17": "2s", ">=1.17": "8s"}`; at() reads one release's value.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/release.h"
#include "model/tree.h"

namespace daprlint {

class ReleaseFacts {
 public:
  /// The facts compiled into daprlint, read at first use (thread-safe).
  static const ReleaseFacts& embedded();

  /// The known minor releases, oldest first, and the patch each one's facts were read from.
  std::span<const Release> releases() const { return releases_; }
  const std::string& tag(std::size_t release) const { return tags_[release]; }
  std::size_t latest() const { return releases_.size() - 1; }
  /// The known release whose facts stand for `r`: itself, else the newest older one (1.19 ->
  /// 1.18), else the oldest (0.10 -> 0.11).
  std::size_t nearest(const Release& r) const;
  /// A release range over the known releases (model/release.h).
  std::optional<ReleaseMask> range(std::string_view text, std::string& error) const;
  /// Every known release.
  ReleaseMask every() const { return every_; }
  /// Whether `mask` holds every known release.
  bool covers_every(ReleaseMask mask) const { return (mask & every_) == every_; }
  /// `1.12-1.18`, `every release`.
  std::string describe(ReleaseMask mask) const { return describe_releases(mask, releases_); }

  /// The value of a release-ranged map at `release`; absent when no range holds it.
  Node at(Node ranged, std::size_t release) const;
  /// The releases a range string (a key of a ranged map, or a `releases:` value) stands for;
  /// 0 when it is malformed.
  ReleaseMask mask(std::string_view range) const;

  /// The releases whose sidecar injector knows the pod annotation; 0 for none.
  ReleaseMask annotation(std::string_view name) const;
  /// Every annotation, as the map name -> {releases, default}.
  Node annotations() const;
  /// The releases whose flags are known (flags.yaml `known`).
  ReleaseMask flags_known() const { return flags_known_; }
  /// {kind, releases, default} of a binary's flag (`placement`, `disseminate-timeout`).
  Node flag(std::string_view binary, std::string_view name) const;
  /// {releases, default} of a chart value (`dapr_scheduler.cluster.storageSize`).
  Node chart_value(std::string_view path) const;
  /// Every chart value, as the map path -> {releases, default}.
  Node chart_values() const;
  /// {kind, releases, versions} of a CRD (`configurations.dapr.io`).
  Node crd(std::string_view name) const;
  /// Every CRD, as the map name -> {kind, releases, versions}.
  Node crds() const;
  /// Every CRD version's schema for validation, as the map kind -> apiVersion -> list of
  /// {releases, schema (JSON text)} (crd-schemas.yaml).
  Node crd_schemas() const;
  /// The releases whose component registrations are known (components.yaml `known`).
  ReleaseMask components_known() const { return components_known_; }
  /// The releases whose daprd registers the component type (`state.redis`, lower case); 0 for
  /// none.
  ReleaseMask component_type(std::string_view type) const;
  /// Every registered component type, as the map type -> releases.
  Node component_types() const;
  /// The releases with a registry for the type prefix (`state`, `middleware.http`); 0 for none.
  ReleaseMask component_category(std::string_view prefix) const;
  /// Types registered together with another (`bindings.postgresql`), -> the first name of the
  /// registration (`bindings.postgres`).
  Node component_aliases() const;
  /// {releases, profiles, fields} of a component type and version from components-contrib's
  /// metadata.yaml (`state.redis`, `v1`; component-metadata.yaml); absent when no release has one.
  /// The embedded catalogue, read at the first call rather than at startup.
  Node component_metadata(std::string_view type, std::string_view version) const;
  /// Every version of a component type in the catalogue, as the map version -> {releases, ...}.
  Node component_versions(std::string_view type) const;
  /// The releases of `component_metadata(...)` whose catalogue has the field (exact name).
  ReleaseMask component_field(Node metadata, std::string_view name) const;
  /// {kind, releases, containers, podSecurityContext, securityContext} of a control-plane
  /// workload the chart renders with default values (`dapr-operator`).
  Node workload(std::string_view name) const;

  /// Facts from the text of each file (path relative to the source tree, e.g.
  /// `rules/facts/releases.yaml`); `error` says what is wrong with them, if anything.
  ReleaseFacts(const std::vector<std::pair<std::string, std::shared_ptr<const Tree>>>& files,
               std::string& error);

 private:
  Node file(std::string_view name) const;

  std::vector<Release> releases_;
  std::vector<std::string> tags_;
  ReleaseMask every_ = 0;
  ReleaseMask flags_known_ = 0;
  ReleaseMask components_known_ = 0;
  std::vector<std::pair<std::string, std::shared_ptr<const Tree>>> files_;
  std::unordered_map<std::string, ReleaseMask> annotations_;
  std::unordered_map<std::string, ReleaseMask> component_types_;
  std::unordered_map<std::string, ReleaseMask> component_categories_;
};

/// A `by_release` entry of a rule's params ({releases: RANGE, ...}) and the releases it
/// stands for.
struct ReleaseEntry {
  Node entry;
  ReleaseMask releases = 0;
};

/// The entries of a rule's `by_release` params list, in order.
std::vector<ReleaseEntry> by_release(Node list);

}  // namespace daprlint
