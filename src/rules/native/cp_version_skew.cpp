// cp-version-skew: every Dapr binary of one install should be the same release
// (dapr/dapr#6009, #4294, #3822: mixed versions after upgrades and per-app pins). An install is
// the control plane of one namespace (Inventory::presence_scope) in one scope
// (Inventory::in_one_scope), so a repository holding a dev and a prod install of different
// releases, or two repositories of one audit, are not skew; app pins are compared only when
// their scope holds a single install, since they cannot be attributed otherwise. Only each
// component's Dapr container counts (dapr_image_versions), not sidecars added beside it.
#include <map>

#include "model/version.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Image {
  const Object* object;
  std::string install;  // its presence scope
  Version version;
};

struct Source {
  const Object* object;
  Node at;
  Version version;
  std::string what;
  bool app = false;  // a pin on an app, not part of an install
};

std::vector<Source> collect(const Inventory& inventory) {
  std::vector<Source> out;
  for (const Object& o : inventory.objects) {
    for (const auto& [image, v] : dapr_image_versions(o)) {
      out.push_back({&o, image, v, std::string(component_name(o.component)) + " image"});
    }
    if (o.component == Component::SidecarInjector) {
      for (Node env : dapr_container(o).get("env").elements()) {
        if (env.get("name").text() != "SIDECAR_IMAGE") continue;
        if (auto v = image_version(env.get("value").text())) {
          out.push_back({&o, env.get("value"), *v, "the injector's SIDECAR_IMAGE"});
        }
      }
    }
    if (o.dapr_app) {
      Node pinned = o.pod_annotations().get("dapr.io/sidecar-image");
      if (auto v = image_version(pinned.text())) {
        out.push_back({&o, pinned, *v, "dapr.io/sidecar-image", true});
      }
    }
  }
  return out;
}

/// The release the control plane in the scope of `s` runs: its images' most common version, of
/// the install `s` is part of, or for an app pin of the only install in its scope.
std::optional<Version> expected(const Inventory& inventory, const std::vector<Image>& images,
                                const Source& s) {
  const std::string own = s.app ? std::string() : inventory.presence_scope(*s.object);
  std::map<std::string, std::vector<Version>> installs;
  for (const Image& i : images) {
    if ((s.app || i.install == own) && inventory.in_one_scope(*i.object, *s.object))
      installs[i.install].push_back(i.version);
  }
  if (installs.size() != 1) return std::nullopt;
  return most_common_version(installs.begin()->second);
}

}  // namespace

void cp_version_skew(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  std::vector<Image> images;
  for (const Object& o : inventory.objects) {
    for (const auto& [image, v] : dapr_image_versions(o))
      images.push_back({&o, inventory.presence_scope(o), v});
  }
  if (images.empty()) return;
  for (const Source& s : collect(inventory)) {
    const std::optional<Version> reference = expected(inventory, images, s);
    if (!reference || s.version.text == reference->text) continue;
    emit.report(*s.object, s.at,
                s.what + " is Dapr " + s.version.text + " while the control plane runs " +
                    reference->text + ": upgrade every part of Dapr to one release");
  }
}

}  // namespace daprlint
