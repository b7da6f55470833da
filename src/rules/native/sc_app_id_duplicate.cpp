// sc-app-id-duplicate: an app ID names one Dapr app per namespace (the `<app-id>-dapr` Service,
// the pub/sub consumer group, the state key prefix); two workloads sharing one collide. Only
// workloads in one scope (Inventory::in_one_scope) are compared: the same app in two overlays or
// two repositories of an audit is deployed apart, and the message names the other one.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "rules/native/rules.h"

namespace daprlint {

void sc_app_id_duplicate(const RunContext& ctx, const Emitter& emit) {
  // namespace + '\n' + app ID -> the workloads using it, in input order.
  std::unordered_map<std::string, std::vector<const Object*>> users;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;  // live children repeat their owner's template
    const std::string_view app_id = o.app_id();
    if (app_id.empty()) continue;  // the pod name is used: sc-app-id-missing
    const std::string ns(o.effective_namespace());
    std::vector<const Object*>& before = users[ns + "\n" + std::string(app_id)];
    before.push_back(&o);
    auto in_scope = std::find_if(before.begin(), before.end() - 1, [&](const Object* e) {
      return ctx.inventory.in_one_scope(*e, o);
    });
    if (in_scope == before.end() - 1) continue;
    const Object& earlier = **in_scope;
    if (earlier.kind == o.kind && earlier.name == o.name) continue;  // one object listed twice
    const Node earlier_id = earlier.pod_annotations().get("dapr.io/app-id");
    emit.report(o, o.pod_annotations().get("dapr.io/app-id"),
                o.kind + " " + o.name + " uses dapr.io/app-id \"" + std::string(app_id) +
                    "\", already used in namespace " + ns + " by " + earlier.kind + " " +
                    earlier.name + " (" + ctx.inventory.files[earlier.file_index] + ":" +
                    std::to_string(earlier_id.line()) +
                    "): invocation reaches only one of them and pub/sub and state are shared");
  }
}

}  // namespace daprlint
