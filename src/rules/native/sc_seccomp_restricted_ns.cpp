// sc-seccomp-restricted-ns: in a namespace whose Pod Security admission enforces `restricted`,
// the injected daprd needs a seccomp profile or the API server rejects the pod (G-28).
#include "model/sidecar.h"
#include "rules/native/pod_security.h"
#include "rules/native/rules.h"

namespace daprlint {

void sc_seccomp_restricted_ns(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::string_view level = params.get("level").text();
  const EnforcingNamespaces restricted(ctx.inventory, params);
  if (restricted.empty()) return;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    const std::string ns(o.effective_namespace());
    if (!restricted.enforced(o)) continue;
    Node annotations = o.pod_annotations();
    Node type = annotations.get("dapr.io/sidecar-seccomp-profile-type");
    const std::string object = o.kind + " " + o.name;
    if (!type.text().empty()) {
      if (allowed_seccomp(params, type.text())) continue;
      emit.report(o, type,
                  "dapr.io/sidecar-seccomp-profile-type \"" + std::string(type.text()) + "\" of " +
                      object + " is not allowed in namespace " + ns + ", which enforces the " +
                      std::string(level) +
                      " Pod Security Standard: the API server rejects its pods");
      continue;
    }
    // A pod-level profile applies to daprd too.
    Node pod_level =
        o.pod_template.get("spec").get("securityContext").get("seccompProfile").get("type");
    if (allowed_seccomp(params, pod_level.text())) continue;
    emit.report(o, annotations,
                "Dapr sidecar of " + object + " gets no seccomp profile (no " +
                    "dapr.io/sidecar-seccomp-profile-type) in namespace " + ns +
                    ", which enforces the " + std::string(level) +
                    " Pod Security Standard: the API server rejects its pods");
  }
}

}  // namespace daprlint
