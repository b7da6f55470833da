// co-metadata-deprecated: a Component metadata field that components-contrib's metadata.yaml
// marks deprecated (rules/facts/component-metadata.yaml, 1.16 on): still read today, but kept
// only for old manifests and named with the field that replaces it when metadata.yaml says.
#include <string>

#include "rules/native/component_catalogue.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void co_metadata_deprecated(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    const std::optional<CatalogueEntry> entry = catalogue_entry(*o);
    if (!entry) continue;
    for (const MetadataItem& item : metadata_items(*o)) {
      const auto [name, field] = catalogue_field(entry->metadata, item.name.text());
      if (!field) continue;
      ReleaseMask releases = 0;
      std::string replacement;
      for (const ReleaseEntry& f : field_facts(facts, entry->metadata, field)) {
        if (f.entry.get("deprecated").text() != "true") continue;
        releases |= f.releases;
        if (Node r = f.entry.get("replacement")) replacement = r.text();
      }
      if (!releases) continue;
      emit.report(*o, item.name,
                  entry->who(*o) + " metadata '" + std::string(item.name.text()) +
                      "' is deprecated" +
                      (replacement.empty() ? std::string() : "; use '" + replacement + "' instead"),
                  std::nullopt, releases);
    }
  }
}

}  // namespace daprlint
