// sc-capabilities-restricted-ns: Pod Security "restricted" demands that every container drop
// ALL capabilities; the injector adds that to daprd only with SIDECAR_DROP_ALL_CAPABILITIES
// (Helm value dapr_sidecar_injector.sidecarDropALLCapabilities, false by default). An injector
// answers for the apps in its scope only (Inventory::in_one_scope).
#include <map>
#include <string>

#include "rules/native/pod_security.h"
#include "rules/native/rules.h"

namespace daprlint {

void sc_capabilities_restricted_ns(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::string_view level = params.get("level").text();
  const EnforcingNamespaces restricted(ctx.inventory, params);
  if (restricted.empty()) return;
  std::vector<const Object*> apps;  // in a restricted namespace
  for (const Object& o : ctx.inventory.objects) {
    if (o.dapr_app && !o.has_owner() && restricted.enforced(o)) apps.push_back(&o);
  }
  if (apps.empty()) return;
  for (const Object* injector : ctx.inventory.of_kind("Deployment")) {
    if (injector->component != Component::SidecarInjector || injector->has_owner()) continue;
    Node container = dapr_container(*injector);
    Node at = container.get("env");
    std::string setting = "no SIDECAR_DROP_ALL_CAPABILITIES";
    for (Node env : at.elements()) {
      if (env.get("name").text() != "SIDECAR_DROP_ALL_CAPABILITIES") continue;
      at = env.get("value");
      setting = "SIDECAR_DROP_ALL_CAPABILITIES \"" + std::string(at.text()) + "\"";
    }
    if (is_truthy(at.text())) continue;
    if (!at) at = container;
    std::map<std::string, std::vector<const Object*>> by_namespace;  // of its scope
    for (const Object* o : apps) {
      if (ctx.inventory.in_one_scope(*o, *injector))
        by_namespace[std::string(o->effective_namespace())].push_back(o);
    }
    for (const auto& [ns, list] : by_namespace) {
      const std::string more =
          list.size() > 1 ? " and " + std::to_string(list.size() - 1) + " more" : "";
      emit.report(*injector, at,
                  "the sidecar injector keeps daprd's capabilities (" + setting +
                      ") while namespace " + ns + " enforces the " + std::string(level) +
                      " Pod Security Standard, which requires dropping ALL: the API server " +
                      "rejects the pods of " + list.front()->kind + " " + list.front()->name +
                      more);
    }
  }
}

}  // namespace daprlint
