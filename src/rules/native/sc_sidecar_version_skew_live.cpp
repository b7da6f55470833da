// sc-sidecar-version-skew-live: running pods keep the daprd they were created with; after a
// control-plane upgrade they need a rollout restart (G-13, dapr/dapr#6009).
#include "model/version.h"
#include "rules/native/rules.h"

namespace daprlint {

void sc_sidecar_version_skew_live(const RunContext& ctx, const Emitter& emit) {
  std::optional<Version> reference = ctx.control_plane;
  if (!reference) return;  // no control plane in the input: nothing to compare with
  for (const Object* o : ctx.inventory.of_kind("Pod")) {
    if (!o->live || o->is_control_plane()) continue;
    Node spec = o->root.get("spec");
    // From 1.18 daprd may run as a native sidecar: an init container.
    for (const char* list : {"containers", "initContainers"}) {
      for (Node c : spec.get(list).elements()) {
        if (c.get("name").text() != "daprd") continue;
        auto v = image_version(c.get("image").text());
        if (!v || v->text == reference->text) continue;
        auto order = *v <=> *reference;
        const char* relation = order < 0   ? " older than"
                               : order > 0 ? " newer than"
                                           : " a different build from";
        emit.report(*o, c.get("image"),
                    "Pod " + o->name + " runs daprd " + v->text + "," + relation +
                        " the control plane's " + reference->text +
                        (o->pod_annotations().get("dapr.io/sidecar-image")
                             ? ": remove its dapr.io/sidecar-image pin and restart its workload"
                             : ": restart its workload so the injector gives it the current "
                               "sidecar"));
      }
    }
  }
}

}  // namespace daprlint
