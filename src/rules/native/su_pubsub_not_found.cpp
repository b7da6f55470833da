// su-pubsub-not-found: a Subscription's `spec.pubsubname` (v1alpha1 and v2alpha1) names no pub/sub
// Component of its namespace, so the subscription never delivers a message. A missing pub/sub is
// reported when the namespace holds some pub/sub Component, when the named one exists only in
// another namespace, or when a Component of that name is not a pub/sub: each only from the
// Subscription's scope (ComponentCatalog::unresolved).
#include "model/references.h"
#include "rules/native/rules.h"

namespace daprlint {

void su_pubsub_not_found(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("Subscription")) return;
  const ComponentCatalog catalog(inventory);
  for (const Object* o : inventory.of_kind("Subscription")) {
    Node value = o->root.get("spec").get("pubsubname");
    std::string_view name = value.text();
    if (name.empty()) continue;
    const std::string why = catalog.unresolved(*o, name, "pubsub", "pub/sub", "pub/sub Component");
    if (why.empty()) continue;
    std::string_view topic = o->root.get("spec").get("topic").text();
    emit.report(*o, value,
                "Subscription " + o->name +
                    (topic.empty() ? "" : " (topic " + std::string(topic) + ")") +
                    " uses pubsubname '" + std::string(name) + "', but " + why +
                    ": Dapr does not subscribe and the app receives none of the topic's messages");
  }
}

}  // namespace daprlint
