#pragma once
// A Component's entry in components-contrib's metadata catalogue
// (rules/facts/component-metadata.yaml, 1.16 on), shared by the co-metadata-* rules: which
// catalogue type and version it is, and its spec.metadata items as the component decodes them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/object.h"
#include "model/release.h"
#include "model/tree.h"
#include "rules/release_facts.h"

namespace daprlint {

struct CatalogueEntry {
  Node metadata;          // {releases, profiles, capabilities, fields}
  std::string type;       // spec.type, lower case as daprd registers it
  std::string version;    // spec.version, `v1` when empty as daprd takes it
  std::string resolved;   // the catalogue's type: `type`, or the one it is registered with
  ReleaseMask described;  // the releases whose catalogue has this type and version

  /// `Component NAME (TYPE VERSION)`, the subject of the rules' messages.
  std::string who(const Object& o) const;
};

/// The catalogue entry of a dapr.io Component; absent when its type or version is templated,
/// or the catalogue has neither it nor the type it is registered with.
std::optional<CatalogueEntry> catalogue_entry(const Object& o);

/// The catalogue's name of a lower-case component type: itself, or the type it is registered
/// together with (`state.postgres` -> `state.postgresql`); empty when the catalogue has neither.
std::string catalogue_type(const std::string& type);

/// Whether a type, version or name is a template placeholder rather than a value.
bool templated(std::string_view s);

/// A spec.metadata item with a usable name.
struct MetadataItem {
  Node item;
  Node name;
  std::string lowered;  // the components' decoder matches names case-insensitively
  bool set = false;     // a non-empty value, or a secretKeyRef or envRef
};
std::vector<MetadataItem> metadata_items(const Object& o);

/// The catalogue field named `name` case-insensitively (the exact case first); its name and
/// node, or an absent node.
std::pair<std::string_view, Node> catalogue_field(Node metadata, std::string_view name);

/// Each set of facts of a catalogue field with the releases it holds for (a field whose facts
/// differ between releases has several), within `described`.
std::vector<ReleaseEntry> field_facts(const ReleaseFacts& facts, Node metadata, Node field);

}  // namespace daprlint
