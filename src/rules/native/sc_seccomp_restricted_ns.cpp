// sc-seccomp-restricted-ns: in a namespace whose Pod Security admission enforces `restricted`,
// the injected daprd needs a seccomp profile or the API server rejects the pod (G-28).
#include <algorithm>
#include <unordered_set>

#include "model/sidecar.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

bool listed(Node list, std::string_view value) {
  auto items = list.elements();
  return std::any_of(items.begin(), items.end(), [&](Node n) { return n.text() == value; });
}

}  // namespace

void sc_seccomp_restricted_ns(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::string_view label = params.get("label").text();
  const std::string_view level = params.get("level").text();
  Node allowed = params.get("allowed_types");
  std::unordered_set<std::string> restricted;
  for (const Object* ns : ctx.inventory.of_kind("Namespace")) {
    if (ns->root.get("metadata").get("labels").get(label).text() == level)
      restricted.insert(ns->name);
  }
  if (restricted.empty()) return;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    const std::string ns(o.effective_namespace());
    if (!restricted.count(ns)) continue;
    Node annotations = o.pod_annotations();
    Node type = annotations.get("dapr.io/sidecar-seccomp-profile-type");
    const std::string object = o.kind + " " + o.name;
    if (!type.text().empty()) {
      if (listed(allowed, type.text())) continue;
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
    if (listed(allowed, pod_level.text())) continue;
    emit.report(o, annotations,
                "Dapr sidecar of " + object + " gets no seccomp profile (no " +
                    "dapr.io/sidecar-seccomp-profile-type) in namespace " + ns +
                    ", which enforces the " + std::string(level) +
                    " Pod Security Standard: the API server rejects its pods");
  }
}

}  // namespace daprlint
