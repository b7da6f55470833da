// sc-native-sidecar-old-kubelet: native sidecars (init containers with restartPolicy Always) are
// on by default from Kubernetes 1.29; an older kubelet runs daprd as a plain init container,
// which never exits, so the pod never starts.
#include <string>
#include <vector>

#include "model/version.h"
#include "rules/native/native_sidecar.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void sc_native_sidecar_old_kubelet(const RunContext& ctx, const Emitter& emit) {
  const auto minimum = parse_minor_version(emit.rule().params.get("min_kubelet").text());
  if (!minimum) return;
  std::vector<std::string> old;
  for (const Object* n : ctx.inventory.of_kind("Node")) {
    Node kubelet = n->root.get("status").get("nodeInfo").get("kubeletVersion");
    // `v1.28.9-eks-036c24b`: the release line is what decides.
    std::string_view text = kubelet.text();
    if (text.starts_with('v')) text.remove_prefix(1);
    const std::size_t patch = text.find('.', text.find('.') + 1);
    auto v = parse_minor_version(text.substr(0, patch));
    if (v && *v < *minimum) old.push_back(n->name + " " + std::string(kubelet.text()));
  }
  if (old.empty()) return;
  const std::string nodes = std::to_string(old.size()) + " node(s) run a kubelet older than " +
                            minimum->text + " (" + old.front() + ")";
  const std::string impact =
      ": there daprd is a plain init container that never exits, so the pods never start";
  const std::size_t release = ctx.release.value_or(ReleaseFacts::embedded().latest());
  const bool known =
      ReleaseFacts::embedded().annotation(kNativeSidecarAnnotation) & release_bit(release);
  for (const Object& o : ctx.inventory.objects) {
    if (!known || o.has_owner()) continue;
    if (o.component == Component::SidecarInjector) {
      for (Node env : dapr_container(o).get("env").elements()) {
        if (env.get("name").text() == "NATIVE_SIDECAR_ENABLED" &&
            is_truthy(env.get("value").text()))
          emit.report(o, env.get("value"),
                      "the sidecar injector adds daprd as a native sidecar to every app but " +
                          nodes + impact);
      }
    }
    Node asked = o.pod_annotations().get(kNativeSidecarAnnotation);
    if (o.dapr_app && is_truthy(asked.text()))
      emit.report(
          o, asked,
          o.kind + " " + o.name + " asks for daprd as a native sidecar but " + nodes + impact);
  }
}

}  // namespace daprlint
