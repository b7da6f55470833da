// cp-version-skew: every Dapr binary of one install should be the same release
// (dapr/dapr#6009, #4294, #3822: mixed versions after upgrades and per-app pins).
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
  bool control_plane;
};

std::vector<Source> collect(const Inventory& inventory) {
  std::vector<Source> out;
  for (const Object& o : inventory.objects) {
    for (const auto& [image, v] : dapr_image_versions(o)) {
      out.push_back({&o, image, v, std::string(component_name(o.component)) + " image", true});
    }
    if (o.component == Component::SidecarInjector) {
      for (Node c : o.pod_template.get("spec").get("containers").elements()) {
        for (Node env : c.get("env").elements()) {
          if (env.get("name").text() != "SIDECAR_IMAGE") continue;
          if (auto v = image_version(env.get("value").text())) {
            out.push_back({&o, env.get("value"), *v, "the injector's SIDECAR_IMAGE", false});
          }
        }
      }
    }
    if (o.dapr_app) {
      Node pinned = o.pod_annotations().get("dapr.io/sidecar-image");
      if (auto v = image_version(pinned.text())) {
        out.push_back({&o, pinned, *v, "dapr.io/sidecar-image", false});
      }
    }
  }
  return out;
}

}  // namespace

void CpVersionSkew::run(const RunContext& ctx, const Emitter& emit) const {
  std::vector<Source> sources = collect(ctx.inventory);
  // The reference is the control plane's most common version (ties: the newest).
  std::map<std::string, std::pair<int, Version>> counts;
  for (const Source& s : sources) {
    if (!s.control_plane) continue;
    auto& [n, v] = counts[s.version.text];
    ++n;
    v = s.version;
  }
  if (counts.empty()) return;  // no control plane in the input: nothing to compare with
  const Version* reference = nullptr;
  int best = 0;
  for (const auto& [text, entry] : counts) {
    if (entry.first > best || (entry.first == best && entry.second > *reference)) {
      best = entry.first;
      reference = &entry.second;
    }
  }
  for (const Source& s : sources) {
    if (s.version.text == reference->text) continue;
    emit.report(*s.object, s.at,
                s.what + " is Dapr " + s.version.text + " while the control plane runs " +
                    reference->text + ": upgrade every part of Dapr to one release");
  }
}

}  // namespace daprlint
