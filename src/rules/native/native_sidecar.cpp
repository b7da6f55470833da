#include "rules/native/native_sidecar.h"

#include "rules/release_facts.h"

namespace daprlint {

NativeSidecar native_sidecar(const Inventory& inventory, const Object& app, std::size_t release) {
  if (!(ReleaseFacts::embedded().annotation(kNativeSidecarAnnotation) & release_bit(release)))
    return {};
  if (Node a = app.pod_annotations().get(kNativeSidecarAnnotation))
    return {is_truthy(a.text()), a, nullptr};
  for (const Object* o : inventory.of_kind("Deployment")) {
    // Only an injector of the app's scope: another repository's may serve another cluster.
    if (o->component != Component::SidecarInjector || !inventory.in_one_scope(*o, app)) continue;
    for (Node env : dapr_container(*o).get("env").elements()) {
      if (env.get("name").text() == "NATIVE_SIDECAR_ENABLED")
        return {is_truthy(env.get("value").text()), env.get("value"), o};
    }
  }
  return {};
}

}  // namespace daprlint
