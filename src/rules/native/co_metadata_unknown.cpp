// co-metadata-unknown: a Component metadata item whose name is not a field of the component's
// type and version in components-contrib's metadata.yaml (rules/facts/component-metadata.yaml,
// 1.16 on). The component never reads it. Types without a metadata.yaml (pluggable, custom,
// those the catalogue lacks) and releases without a catalogue stay silent.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/references.h"
#include "model/text.h"
#include "rules/native/component_catalogue.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

struct Params {
  // category (`state`) -> lower-case names the runtime or the category's shared code reads
  std::map<std::string, std::set<std::string>, std::less<>> common;
  std::map<std::string, std::vector<std::string>, std::less<>> common_names;
  std::set<std::string, std::less<>> elsewhere;  // lower-case names other rules report
  std::set<std::string, std::less<>> accepted;   // `type/lower-case name` read but undocumented

  explicit Params(const RuleParams& params) {
    for (const auto& [category, names] : params.get("common_fields").entries()) {
      for (Node n : names.elements()) {
        common[std::string(category.text())].insert(lower(n.text()));
        common_names[std::string(category.text())].emplace_back(n.text());
      }
    }
    for (Node n : params.get("reported_elsewhere").elements()) elsewhere.insert(lower(n.text()));
    for (const auto& [type, names] : params.get("accepted").entries()) {
      for (Node n : names.elements())
        accepted.insert(std::string(type.text()) + "/" + lower(n.text()));
    }
  }
};

/// The releases after the oldest one of `mask`; none when it is empty.
ReleaseMask after_first(ReleaseMask mask) {
  if (!mask) return 0;
  ReleaseMask lowest = mask & (~mask + 1);
  return ~((lowest << 1) - 1);
}

}  // namespace

void co_metadata_unknown(const RunContext& ctx, const Emitter& emit) {
  const Params& params = emit.rule().params.compiled<Params>();
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    const std::optional<CatalogueEntry> entry = catalogue_entry(*o);
    if (!entry) continue;
    Node md = entry->metadata;
    const ReleaseMask described = entry->described;
    const std::string& type = entry->type;
    const std::string& version = entry->version;
    const std::string category = type.substr(0, type.find('.'));
    const auto common = params.common.find(category);

    for (const MetadataItem& item : metadata_items(*o)) {
      Node name_node = item.name;
      const std::string_view name = name_node.text();
      const std::string& lowered = item.lowered;
      if (params.elsewhere.count(lowered)) continue;
      if (common != params.common.end() && common->second.count(lowered)) continue;
      if (params.accepted.count(entry->resolved + "/" + lowered)) continue;
      // A field of an earlier release stays read under its old name (a renamed field keeps an
      // alias), so only releases before the first that has it are reported.
      const ReleaseMask known = facts.component_field(md, name);
      const ReleaseMask missing = described & ~known & ~after_first(known);
      if (!missing) continue;

      // Fields that the releases in `missing` have: the same name in another case, or candidates.
      std::string same_but_case;
      std::vector<std::string> candidates;
      for (const auto& [field, _] : md.get("fields").entries()) {
        if (!(facts.component_field(md, field.text()) & missing)) continue;
        if (lower(field.text()) == lowered) same_but_case = field.text();
        candidates.emplace_back(field.text());
      }
      if (common != params.common.end()) {
        const auto& extra = params.common_names.at(category);
        candidates.insert(candidates.end(), extra.begin(), extra.end());
      }
      const std::string who = entry->who(*o);
      if (!same_but_case.empty()) {
        ReleaseMask releases = missing & facts.component_field(md, same_but_case);
        emit.report(*o, name_node,
                    who + " metadata '" + std::string(name) + "' differs from the field '" +
                        same_but_case +
                        "' only in case: components match it case-insensitively, but code that "
                        "reads the key directly does not",
                    Severity::Note, releases);
        continue;
      }
      emit.report(*o, name_node,
                  who + " has metadata '" + std::string(name) + "', which is not a field of " +
                      type + " " + version + " in Dapr " + facts.describe(missing) +
                      ", so Dapr ignores it" + did_you_mean(name, candidates),
                  std::nullopt, missing);
    }
  }
}

}  // namespace daprlint
