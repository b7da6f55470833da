// cp-seccomp-restricted-ns: Pod Security "restricted" rejects a pod unless every container runs
// with a RuntimeDefault or Localhost seccomp profile; the chart sets one on the control plane
// only with global.seccompProfile (empty by default).
#include <string>

#include "rules/native/pod_security.h"
#include "rules/native/rules.h"

namespace daprlint {

void cp_seccomp_restricted_ns(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::string_view level = params.get("level").text();
  const EnforcingNamespaces restricted(ctx.inventory, params);
  if (restricted.empty()) return;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.is_control_plane() || !o.is_workload() || o.has_owner()) continue;
    if (!restricted.enforced(o)) continue;
    Node spec = o.pod_template.get("spec");
    if (allowed_seccomp(params,
                        spec.get("securityContext").get("seccompProfile").get("type").text()))
      continue;  // a pod-level profile applies to every container
    for (const char* list : {"initContainers", "containers"}) {
      for (Node c : spec.get(list).elements()) {
        Node sc = c.get("securityContext");
        Node type = sc.get("seccompProfile").get("type");
        if (allowed_seccomp(params, type.text())) continue;
        emit.report(o, type ? type : (sc ? sc : c),
                    "container " + std::string(c.get("name").text()) + " of " +
                        std::string(component_name(o.component)) + " " + o.kind + " " + o.name +
                        (type ? " has seccomp profile " + std::string(type.text())
                              : std::string(" has no seccomp profile")) +
                        " in namespace " + std::string(o.effective_namespace()) +
                        ", which enforces the " + std::string(level) +
                        " Pod Security Standard: the API server rejects its pods");
      }
    }
  }
}

}  // namespace daprlint
