// sc-app-id-duplicate: an app ID names one Dapr app per namespace (the `<app-id>-dapr` Service,
// the pub/sub consumer group, the state key prefix); two workloads sharing one collide.
#include <string>
#include <unordered_map>

#include "rules/native/rules.h"

namespace daprlint {

void sc_app_id_duplicate(const RunContext& ctx, const Emitter& emit) {
  // namespace + '\n' + app ID -> the first workload using it, in input order.
  std::unordered_map<std::string, const Object*> first;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;  // live children repeat their owner's template
    const std::string_view app_id = o.app_id();
    if (app_id.empty()) continue;  // the pod name is used: sc-app-id-missing
    const std::string ns(o.effective_namespace());
    auto [it, inserted] = first.try_emplace(ns + "\n" + std::string(app_id), &o);
    if (inserted) continue;
    const Object& earlier = *it->second;
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
