// cp-version-skew: every Dapr binary of one install should be the same release
// (dapr/dapr#6009, #4294, #3822: mixed versions after upgrades and per-app pins). An install is
// the control plane of one namespace (Inventory::presence_scope), so a repository holding a dev
// and a prod install of different releases is not skew; app pins are compared only when the
// input holds a single install, since they cannot be attributed otherwise. Only each component's
// Dapr container counts (dapr_image_versions), not sidecars added beside it.
#include <map>

#include "model/version.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

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

}  // namespace

void cp_version_skew(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  std::vector<Source> sources = collect(inventory);
  // The reference of each install: its control plane's most common image version.
  std::map<std::string, std::vector<Version>> versions;
  for (const Object& o : inventory.objects) {
    for (const auto& [image, v] : dapr_image_versions(o))
      versions[inventory.presence_scope(o)].push_back(v);
  }
  std::map<std::string, Version> reference;
  for (const auto& [install, list] : versions)
    reference.emplace(install, *most_common_version(list));
  for (const Source& s : sources) {
    const Version* expected = nullptr;
    if (s.app) {
      if (reference.size() == 1) expected = &reference.begin()->second;
    } else if (auto it = reference.find(inventory.presence_scope(*s.object));
               it != reference.end()) {
      expected = &it->second;
    }
    if (!expected || s.version.text == expected->text) continue;
    emit.report(*s.object, s.at,
                s.what + " is Dapr " + s.version.text + " while the control plane runs " +
                    expected->text + ": upgrade every part of Dapr to one release");
  }
}

}  // namespace daprlint
