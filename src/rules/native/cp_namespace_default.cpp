// cp-namespace-default: the control plane belongs in a dedicated namespace (G-19). A Helm render
// that sets no namespace is installed into the release namespace (load/release_namespace.h): it
// is reported only when that namespace is `default`, and never when the render does not say.
#include "rules/native/rules.h"

namespace daprlint {

void cp_namespace_default(const RunContext& ctx, const Emitter& emit) {
  for (const Object& o : ctx.inventory.objects) {
    if (!o.is_control_plane() || o.release_namespace_unknown) continue;
    if (o.kind != "Deployment" && o.kind != "StatefulSet" && o.kind != "DaemonSet" &&
        o.kind != "Service") {
      continue;
    }
    const std::string what = std::string(component_name(o.component)) + " " + o.kind + " " + o.name;
    Node meta = o.root.get("metadata");
    if (o.namespace_inferred) {
      if (o.namespace_ != "default") continue;
      emit.report(o, meta,
                  what +
                      " sets no metadata.namespace and its Helm release installs into the "
                      "default namespace (the render's references name it), instead of a "
                      "dedicated one such as dapr-system");
    } else if (o.namespace_ == "default") {
      emit.report(o, meta.get("namespace"),
                  what +
                      " is deployed to the default namespace instead of a dedicated one such "
                      "as dapr-system");
    } else if (o.namespace_.empty()) {
      emit.report(o, meta,
                  what +
                      " sets no metadata.namespace, so it lands in the namespace of the "
                      "kubectl context (usually default)");
    }
  }
}

}  // namespace daprlint
