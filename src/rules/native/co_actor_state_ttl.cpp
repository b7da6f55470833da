// co-actor-state-ttl: a component-wide `ttlInSeconds` on the actor state store applies to every
// key daprd writes there (state.redis metadata.yaml: "applied to every state store request"),
// actor state and workflow history included (dapr/dapr#6475).
#include <string>

#include "model/text.h"
#include "rules/native/rules.h"

namespace daprlint {

void co_actor_state_ttl(const RunContext& ctx, const Emitter& emit) {
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    if (!actor_state_store_flag(*o)) continue;
    Node ttl;
    for (Node item : o->root.get("spec").get("metadata").elements()) {
      if (lower(item.get("name").text()) == "ttlinseconds") ttl = item;
    }
    if (!ttl) continue;
    emit.report(*o, ttl.get("value") ? ttl.get("value") : ttl,
                "Component " + o->name +
                    " is the actor state store and sets ttlInSeconds: every actor and workflow "
                    "state key written there expires, so long-running workflows, actors and their "
                    "reminders lose their state");
  }
}

}  // namespace daprlint
