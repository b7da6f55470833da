// co-metadata-required: a Component lacks a metadata field that its components-contrib
// metadata.yaml marks required (rules/facts/component-metadata.yaml, 1.16 on). Fields of an
// authentication profile are required only within it: a profile is taken as in use when one of
// its required fields is set, and reported when no profile is complete. A field that applies to
// one direction of a binding counts only when spec.metadata `direction` names that direction.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/text.h"
#include "rules/native/component_catalogue.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

struct Params {
  // `type/lower-case field` -> lower-case names that stand for it: the component also reads
  // them for the field, or needs only one of the group
  std::map<std::string, std::vector<std::string>, std::less<>> aliases;
  std::set<std::string, std::less<>> optional;  // `type/lower-case field`

  explicit Params(const RuleParams& params) {
    for (const auto& [type, fields] : params.get("aliases").entries()) {
      for (const auto& [field, names] : fields.entries()) {
        auto& out = aliases[key(type.text(), field.text())];
        for (Node n : names.elements()) out.push_back(lower(n.text()));
      }
    }
    for (const auto& [type, groups] : params.get("one_of").entries()) {
      for (Node group : groups.elements()) {
        for (Node field : group.elements()) {
          auto& out = aliases[key(type.text(), field.text())];
          for (Node other : group.elements()) out.push_back(lower(other.text()));
        }
      }
    }
    for (const auto& [type, fields] : params.get("optional").entries()) {
      for (Node field : fields.elements()) optional.insert(key(type.text(), field.text()));
    }
  }

  static std::string key(std::string_view type, std::string_view field) {
    return std::string(type) + "/" + lower(field);
  }
};

/// Whether any release's facts of a catalogue field have `key`.
bool has_fact(Node field, std::string_view key) {
  if (field.is_map()) return static_cast<bool>(field.get(key));
  for (Node e : field.elements())
    if (e.get(key)) return true;
  return false;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + ("'" + names[i] + "'");
  }
  return out;
}

}  // namespace

void co_metadata_required(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const Params& params = emit.rule().params.compiled<Params>();
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    const std::optional<CatalogueEntry> entry = catalogue_entry(*o);
    if (!entry) continue;
    std::set<std::string, std::less<>> set;
    std::string direction;
    for (const MetadataItem& item : metadata_items(*o)) {
      if (item.set) set.insert(item.lowered);
      if (item.lowered == "direction") direction = lower(item.item.get("value").text());
    }
    // A deprecated alias that is set stands for the field that replaces it.
    for (const auto& [name, field] : entry->metadata.get("fields").entries()) {
      if (!has_fact(field, "replacement") || !set.count(lower(name.text()))) continue;
      for (const ReleaseEntry& f : field_facts(facts, entry->metadata, field))
        if (Node r = f.entry.get("replacement")) set.insert(lower(r.text()));
    }
    auto is_set = [&](std::string_view field) {
      const std::string lowered = lower(field);
      if (set.count(lowered)) return true;
      auto alias = params.aliases.find(Params::key(entry->resolved, lowered));
      if (alias == params.aliases.end()) return false;
      for (const std::string& a : alias->second)
        if (set.count(a)) return true;
      return false;
    };
    Node spec = o->root.get("spec");
    // The `metadata:` key that lacks the field, else the spec.
    Node where = spec.get("metadata") ? spec.get("metadata").key() : spec.key();

    // Fields required by every configuration of the component, per release.
    std::map<std::string, ReleaseMask> missing;
    for (const auto& [name, field] : entry->metadata.get("fields").entries()) {
      if (!has_fact(field, "required")) continue;  // most fields: no allocation
      if (is_set(name.text()) || params.optional.count(Params::key(entry->resolved, name.text())))
        continue;
      for (const ReleaseEntry& f : field_facts(facts, entry->metadata, field)) {
        if (f.entry.get("required").text() != "true") continue;
        const std::string_view binding = f.entry.get("binding").text();
        if (!binding.empty() && direction.find(binding) == std::string::npos) continue;
        missing[std::string(name.text())] |= f.releases;
      }
    }
    // One finding per set of releases, naming every field they lack.
    std::map<ReleaseMask, std::vector<std::string>> by_releases;
    for (const auto& [name, releases] : missing) by_releases[releases].push_back(name);
    for (const auto& [releases, names] : by_releases) {
      emit.report(*o, where,
                  entry->who(*o) + " lacks the metadata field" + (names.size() > 1 ? "s " : " ") +
                      quoted_list(names) + ", which " + entry->type + " " + entry->version +
                      " requires: the component fails to initialise or to work without " +
                      (names.size() > 1 ? "them" : "it"),
                  std::nullopt, releases);
    }

    // Authentication profiles: one must be complete once any is begun.
    for (const auto& [range, profiles] : entry->metadata.get("profiles").entries()) {
      const ReleaseMask releases = facts.mask(range.text()) & entry->described;
      std::vector<std::string> best_missing;
      std::size_t best_set = 0;
      bool complete = false;
      for (Node profile : profiles.elements()) {
        std::vector<std::string> lacking;
        std::size_t count = 0;
        for (Node f : profile.elements()) {
          if (is_set(f.text())) {
            ++count;
          } else {
            lacking.emplace_back(f.text());
          }
        }
        if (lacking.empty()) complete = true;
        if (count > best_set) best_set = count, best_missing = lacking;
      }
      if (complete || best_set == 0) continue;
      emit.report(*o, where,
                  entry->who(*o) + " begins an authentication profile of " + entry->type +
                      " but lacks " + quoted_list(best_missing) +
                      ", which that profile requires; complete it or use another profile",
                  std::nullopt, releases);
    }
  }
}

}  // namespace daprlint
