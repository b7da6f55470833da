// cp-version-skew: every Dapr binary of one install should be the same release
// (dapr/dapr#6009, #4294, #3822: mixed versions after upgrades and per-app pins).
#include "model/version.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Source {
  const Object* object;
  Node at;
  Version version;
  std::string what;
};

std::vector<Source> collect(const Inventory& inventory) {
  std::vector<Source> out;
  for (const Object& o : inventory.objects) {
    for (const auto& [image, v] : dapr_image_versions(o)) {
      out.push_back({&o, image, v, std::string(component_name(o.component)) + " image"});
    }
    if (o.component == Component::SidecarInjector) {
      for (Node c : o.pod_template.get("spec").get("containers").elements()) {
        for (Node env : c.get("env").elements()) {
          if (env.get("name").text() != "SIDECAR_IMAGE") continue;
          if (auto v = image_version(env.get("value").text())) {
            out.push_back({&o, env.get("value"), *v, "the injector's SIDECAR_IMAGE"});
          }
        }
      }
    }
    if (o.dapr_app) {
      Node pinned = o.pod_annotations().get("dapr.io/sidecar-image");
      if (auto v = image_version(pinned.text())) {
        out.push_back({&o, pinned, *v, "dapr.io/sidecar-image"});
      }
    }
  }
  return out;
}

}  // namespace

void cp_version_skew(const RunContext& ctx, const Emitter& emit) {
  std::optional<Version> reference = control_plane_version(ctx.inventory);
  if (!reference) return;  // no control plane in the input: nothing to compare with
  std::vector<Source> sources = collect(ctx.inventory);
  for (const Source& s : sources) {
    if (s.version.text == reference->text) continue;
    emit.report(*s.object, s.at,
                s.what + " is Dapr " + s.version.text + " while the control plane runs " +
                    reference->text + ": upgrade every part of Dapr to one release");
  }
}

}  // namespace daprlint
