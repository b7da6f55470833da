// cf-workflow-retention-invalid: the TTLs of spec.workflow.stateRetentionPolicy (1.17) are Go
// durations (`72h`, `30m`); daprd cannot read any other text.
#include <string>

#include "model/duration.h"
#include "rules/native/rules.h"

namespace daprlint {

void cf_workflow_retention_invalid(const RunContext& ctx, const Emitter& emit) {
  for (const Object* o : ctx.inventory.of_kind("Configuration")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    Node policy = o->root.get("spec").get("workflow").get("stateRetentionPolicy");
    for (const NodeEntry& e : policy.entries()) {
      if (!e.value.is_scalar() || parse_go_duration_ns(e.value.text())) continue;
      emit.report(*o, e.value,
                  "Configuration " + o->name + " sets spec.workflow.stateRetentionPolicy." +
                      std::string(e.key.text()) + ": '" + std::string(e.value.text()) +
                      "', which is not a Go duration such as 72h or 30m");
    }
  }
}

}  // namespace daprlint
