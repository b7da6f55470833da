#include "rules/release_facts.h"

#include <cstdio>
#include <cstdlib>

#include "load/yaml_parser.h"
#include "rules/compiled_rules.h"
#include "rules/embedded.h"

namespace daprlint {

ReleaseFacts::ReleaseFacts(
    const std::vector<std::pair<std::string, std::shared_ptr<const Tree>>>& files,
    std::string& error)
    : files_(files) {
  for (const auto& [key, value] : file("releases").get("releases").entries()) {
    auto r = parse_release(key.text());
    if (!r || (!releases_.empty() && *r <= releases_.back())) {
      error = "rules/facts/releases.yaml: '" + std::string(key.text()) +
              "' is not a release newer than the one before";
      return;
    }
    releases_.push_back(*r);
    tags_.emplace_back(value.text());
  }
  if (releases_.empty() || releases_.size() > kMaxReleases) {
    error = "rules/facts/releases.yaml: no releases, or more than " + std::to_string(kMaxReleases);
    releases_.clear();
    return;
  }
  every_ = mask("*");
  flags_known_ = mask(file("flags").get("known").text());
  for (const auto& [name, entry] : annotations().entries())
    annotations_.emplace(name.text(), mask(entry.get("releases").text()));
  Node components = file("components");
  components_known_ = mask(components.get("known").text());
  for (const auto& [type, range] : component_types().entries())
    component_types_.emplace(type.text(), mask(range.text()));
  for (const auto& [prefix, range] : components.get("categories").entries())
    component_categories_.emplace(prefix.text(), mask(range.text()));
}

namespace {

// The component metadata catalogue is the largest facts file and only Component checks read it.
constexpr std::string_view kLazyFacts = "rules/facts/component-metadata.yaml";

std::shared_ptr<const Tree> embedded_tree(const EmbeddedFile& f) {
  std::shared_ptr<const Tree> tree;
  if (const CompiledRuleFile* c = find_compiled_rule_file(f.path)) tree = rebuild_tree(*c);
  if (!tree) {
    ParsedStream parsed = parse_yaml(f.content);
    if (!parsed.error && parsed.documents.size() == 1) tree = parsed.documents.front();
  }
  return tree;
}

}  // namespace

const ReleaseFacts& ReleaseFacts::embedded() {
  static const ReleaseFacts facts = [] {
    std::vector<std::pair<std::string, std::shared_ptr<const Tree>>> files;
    for (const EmbeddedFile& f : embedded_files()) {
      if (!f.path.starts_with("rules/facts/") || f.path == kLazyFacts) continue;
      if (auto tree = embedded_tree(f)) files.emplace_back(std::string(f.path), std::move(tree));
    }
    std::string error;
    ReleaseFacts loaded(files, error);
    if (!error.empty()) {
      // The facts are built into the binary and checked by the tests: a broken build.
      std::fprintf(stderr, "daprlint: broken release facts: %s\n", error.c_str());
      std::abort();
    }
    return loaded;
  }();
  return facts;
}

Node ReleaseFacts::file(std::string_view name) const {
  const std::string path = "rules/facts/" + std::string(name) + ".yaml";
  for (const auto& [p, tree] : files_) {
    if (p == path) return Node(tree.get(), tree->root);
  }
  return {};
}

std::size_t ReleaseFacts::nearest(const Release& r) const {
  std::size_t best = 0;
  for (std::size_t i = 0; i < releases_.size(); ++i) {
    if (releases_[i] <= r) best = i;
  }
  return best;
}

std::optional<ReleaseMask> ReleaseFacts::range(std::string_view text, std::string& error) const {
  return parse_release_range(text, releases_, error);
}

ReleaseMask ReleaseFacts::mask(std::string_view range_text) const {
  std::string ignored;
  return parse_release_range(range_text, releases_, ignored).value_or(0);
}

Node ReleaseFacts::at(Node ranged, std::size_t release) const {
  for (const auto& [range_text, value] : ranged.entries()) {
    if (mask(range_text.text()) & release_bit(release)) return value;
  }
  return {};
}

ReleaseMask ReleaseFacts::annotation(std::string_view name) const {
  auto it = annotations_.find(std::string(name));
  return it == annotations_.end() ? 0 : it->second;
}

Node ReleaseFacts::annotations() const {
  return file("annotations").get("annotations");
}

ReleaseMask ReleaseFacts::component_type(std::string_view type) const {
  auto it = component_types_.find(std::string(type));
  return it == component_types_.end() ? 0 : it->second;
}

Node ReleaseFacts::component_types() const {
  return file("components").get("types");
}

ReleaseMask ReleaseFacts::component_category(std::string_view prefix) const {
  auto it = component_categories_.find(std::string(prefix));
  return it == component_categories_.end() ? 0 : it->second;
}

Node ReleaseFacts::component_aliases() const {
  return file("components").get("aliases");
}

Node ReleaseFacts::component_metadata(std::string_view type, std::string_view version) const {
  return component_versions(type).get(version);
}

Node ReleaseFacts::component_versions(std::string_view type) const {
  // Always the catalogue compiled into the binary, read once (thread-safe) at the first call.
  static const std::shared_ptr<const Tree> catalogue = []() -> std::shared_ptr<const Tree> {
    for (const EmbeddedFile& f : embedded_files()) {
      if (f.path == kLazyFacts) return embedded_tree(f);
    }
    return nullptr;
  }();
  if (!catalogue) return {};
  return Node(catalogue.get(), catalogue->root).get("components").get(type);
}

ReleaseMask ReleaseFacts::component_field(Node metadata, std::string_view name) const {
  const ReleaseMask all = mask(metadata.get("releases").text());
  Node field = metadata.get("fields").get(name);
  if (!field) return 0;
  if (field.is_map()) return field.get("releases") ? mask(field.get("releases").text()) : all;
  ReleaseMask out = 0;
  for (Node e : field.elements()) out |= e.get("releases") ? mask(e.get("releases").text()) : all;
  return out;
}

Node ReleaseFacts::flag(std::string_view binary, std::string_view name) const {
  return file("flags").get("flags").get(binary).get(name);
}

Node ReleaseFacts::chart_value(std::string_view path) const {
  return file("chart-values").get("values").get(path);
}

Node ReleaseFacts::chart_values() const {
  return file("chart-values").get("values");
}

Node ReleaseFacts::crd(std::string_view name) const {
  return crds().get(name);
}

Node ReleaseFacts::crds() const {
  return file("crds").get("crds");
}

Node ReleaseFacts::crd_schemas() const {
  return file("crd-schemas").get("schemas");
}

Node ReleaseFacts::workload(std::string_view name) const {
  return file("chart-renders").get("workloads").get(name);
}

std::vector<ReleaseEntry> by_release(Node list) {
  std::vector<ReleaseEntry> out;
  for (Node e : list.elements())
    out.push_back({e, ReleaseFacts::embedded().mask(e.get("releases").text())});
  return out;
}

}  // namespace daprlint
