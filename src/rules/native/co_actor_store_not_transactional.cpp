// co-actor-store-not-transactional: a state store marked `actorStateStore: "true"` whose
// component lacks the transactional or etag capability (components-contrib metadata.yaml
// `capabilities`, rules/facts/component-metadata.yaml, 1.16 on). daprd's actor runtime needs
// both (pkg/actors haveCompatibleStorage: FeatureETag and FeatureTransactional) and refuses to
// host actors, and so workflows, on any other store. Stores whose metadata.yaml declares no
// capabilities are not judged.
#include <string>
#include <vector>

#include "model/object.h"
#include "model/text.h"
#include "rules/native/component_catalogue.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void co_actor_store_not_transactional(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    const Node flag = actor_state_store_flag(*o);
    if (!flag) continue;
    const std::optional<CatalogueEntry> entry = catalogue_entry(*o);
    if (!entry) continue;
    for (const auto& [range, capabilities] : entry->metadata.get("capabilities").entries()) {
      std::vector<std::string> lacking = {"transactional", "etag"};
      for (Node c : capabilities.elements()) std::erase(lacking, std::string(c.text()));
      if (lacking.empty()) continue;
      emit.report(*o, flag,
                  entry->who(*o) + " is marked as the actor state store, but " + entry->type +
                      " does not support " +
                      (lacking.size() == 2    ? "transactions or ETags"
                       : lacking[0] == "etag" ? "ETags"
                                              : "transactions") +
                      ", which actors and workflows need: daprd refuses to host them",
                  std::nullopt, facts.mask(range.text()) & entry->described);
    }
  }
}

}  // namespace daprlint
