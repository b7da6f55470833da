#include "rules/native/component_catalogue.h"

#include "model/text.h"

namespace daprlint {

bool templated(std::string_view s) {
  return s.find_first_of("${}<>% ") != std::string_view::npos;
}

std::string catalogue_type(const std::string& type) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  if (facts.component_versions(type)) return type;
  Node aliases = facts.component_aliases();
  if (Node first = aliases.get(type); first && facts.component_versions(first.text()))
    return std::string(first.text());
  for (const auto& [alias, first] : aliases.entries()) {
    if (first.text() == type && facts.component_versions(alias.text()))
      return std::string(alias.text());
  }
  return {};
}

std::string CatalogueEntry::who(const Object& o) const {
  return "Component " + o.name + " (" + type + " " + version + ")";
}

std::optional<CatalogueEntry> catalogue_entry(const Object& o) {
  if (!o.api_version.starts_with("dapr.io/")) return std::nullopt;
  Node spec = o.root.get("spec");
  const std::string_view type = spec.get("type").text();
  if (type.empty() || templated(type)) return std::nullopt;
  CatalogueEntry e;
  e.type = lower(type);
  // daprd lower-cases the version and takes an empty one or v0 as the initial version, v1
  // (pkg/components IsInitialVersion).
  e.version = lower(spec.get("version").text());
  if (e.version.empty() || e.version == "v0") e.version = "v1";
  if (templated(e.version)) return std::nullopt;
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  e.resolved = catalogue_type(e.type);
  if (e.resolved.empty()) return std::nullopt;
  e.metadata = facts.component_metadata(e.resolved, e.version);
  if (!e.metadata) return std::nullopt;
  e.described = facts.mask(e.metadata.get("releases").text());
  return e;
}

std::vector<MetadataItem> metadata_items(const Object& o) {
  std::vector<MetadataItem> out;
  for (Node item : o.root.get("spec").get("metadata").elements()) {
    Node name = item.get("name");
    if (!name.is_scalar() || name.text().empty() || templated(name.text())) continue;
    const bool set = !item.get("value").text().empty() || item.get("value").is_map() ||
                     item.get("secretKeyRef") || item.get("envRef");
    out.push_back({item, name, lower(name.text()), set});
  }
  return out;
}

std::pair<std::string_view, Node> catalogue_field(Node metadata, std::string_view name) {
  Node fields = metadata.get("fields");
  if (Node exact = fields.get(name)) return {name, exact};
  const std::string lowered = lower(name);
  for (const auto& [key, value] : fields.entries()) {
    if (lower(key.text()) == lowered) return {key.text(), value};
  }
  return {{}, {}};
}

std::vector<ReleaseEntry> field_facts(const ReleaseFacts& facts, Node metadata, Node field) {
  const ReleaseMask all = facts.mask(metadata.get("releases").text());
  auto releases = [&](Node e) {
    return e.get("releases") ? facts.mask(e.get("releases").text()) & all : all;
  };
  std::vector<ReleaseEntry> out;
  if (field.is_map()) {
    out.push_back({field, releases(field)});
  } else {
    for (Node e : field.elements()) out.push_back({e, releases(e)});
  }
  return out;
}

}  // namespace daprlint
