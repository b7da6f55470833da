// su-pubsub-not-found: a Subscription's `spec.pubsubname` (v1alpha1 and v2alpha1) names no pub/sub
// Component of its namespace, so the subscription never delivers a message. A missing pub/sub is
// reported when the namespace holds some pub/sub Component, or when the named one exists only in
// another namespace; a Component of that name that is not a pub/sub is always reported.
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
    const std::string ns(o->effective_namespace());
    std::string_view topic = o->root.get("spec").get("topic").text();
    const std::string what =
        "Subscription " + o->name + (topic.empty() ? "" : " (topic " + std::string(topic) + ")");
    const std::string tail =
        ": Dapr does not subscribe and the app receives none of the topic's messages";
    if (const Object* c = inventory.find("Component", ns, name)) {
      std::string_view type = c->root.get("spec").get("type").text();
      if (component_family(type) == "pubsub") continue;
      emit.report(*o, value,
                  what + " uses pubsubname '" + std::string(name) + "', but Component " + c->name +
                      " is of type " + (type.empty() ? "(none)" : std::string(type)) +
                      ", not a pub/sub" + tail);
      continue;
    }
    std::vector<std::string> elsewhere = catalog.namespaces_of("pubsub", name);
    if (!elsewhere.empty()) {
      emit.report(*o, value,
                  what + " uses pubsubname '" + std::string(name) +
                      "', but that pub/sub Component is in namespace " + comma_list(elsewhere) +
                      ", not in " + ns + tail);
    } else if (catalog.has_family_near("pubsub", *o)) {
      emit.report(*o, value,
                  what + " uses pubsubname '" + std::string(name) + "', but namespace " + ns +
                      " has no pub/sub Component of that name" +
                      did_you_mean(name, catalog.names_in("pubsub", ns)) + tail);
    }
  }
}

}  // namespace daprlint
