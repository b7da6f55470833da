// gv-flux-crds-not-upgraded: a Flux HelmRelease of the Dapr chart that creates the chart's CRDs
// on install but never replaces them on upgrade. Helm leaves crds/ alone on upgrade; Flux's
// helm-controller replaces them only with `upgrade.crds: CreateReplace`, and the legacy Helm
// Operator (helm.fluxcd.io/v1) never does. An install that skips CRDs gets them elsewhere.
#include <string>

#include "rules/native/rules.h"

namespace daprlint {

void gv_flux_crds_not_upgraded(const RunContext& ctx, const Emitter& emit) {
  for (const Object* o : ctx.inventory.of_kind("HelmRelease")) {
    if (!o->dapr_chart) continue;
    const std::string who = "HelmRelease " + o->name;
    Node spec = o->root.get("spec");
    if (o->api_version.starts_with("helm.fluxcd.io/")) {
      if (is_truthy(spec.get("skipCRDs").text())) continue;
      emit.report(*o, spec.get("chart") ? spec.get("chart") : spec,
                  who +
                      " is a Helm Operator release (helm.fluxcd.io/v1), which creates the Dapr "
                      "CRDs on install and never updates them: after a chart upgrade the API "
                      "server keeps the old schemas and drops the fields newer releases added");
      continue;
    }
    Node install = spec.get("install");
    if (install.get("crds").text() == "Skip" || is_truthy(install.get("skipCRDs").text())) continue;
    Node upgrade = spec.get("upgrade");
    Node policy = upgrade.get("crds");
    if (policy.text() == "CreateReplace") continue;
    const std::string effect =
        ", so Flux creates the Dapr CRDs on install but never updates them: after a chart "
        "upgrade the API server keeps the old schemas and drops the fields newer releases added";
    if (policy) {
      emit.report(*o, policy,
                  who + " sets spec.upgrade.crds to " + std::string(policy.text()) + effect);
    } else {
      emit.report(*o, upgrade ? upgrade : spec, who + " leaves spec.upgrade.crds unset" + effect);
    }
  }
}

}  // namespace daprlint
