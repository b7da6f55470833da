// sc-annotation-wrong-level: the injector reads the pod's annotations only, so `dapr.io/*` keys on
// a Deployment's (StatefulSet's, CronJob's...) own metadata never reach the pod (dapr/dapr#4932).
#include <algorithm>
#include <string>
#include <vector>

#include "rules/native/rules.h"

namespace daprlint {
namespace {
std::string join(const std::vector<NodeEntry>& entries) {
  std::string out;
  for (const NodeEntry& e : entries) {
    if (!out.empty()) out += ", ";
    out += e.key.text();
  }
  return out;
}

}  // namespace

void sc_annotation_wrong_level(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  std::vector<std::string_view> kinds;
  for (Node k : params.get("kinds").elements()) kinds.push_back(k.text());
  std::string_view prefix = params.get("key_prefix").text();
  std::string_view enabled_key = params.get("enabled_annotation").text();
  if (prefix.empty()) prefix = "dapr.io/";
  if (enabled_key.empty()) enabled_key = "dapr.io/enabled";

  for (const Object& o : ctx.inventory.objects) {
    if (!o.pod_template || o.pod_template == o.root) continue;  // a Pod's metadata is the pod's
    if (std::find(kinds.begin(), kinds.end(), o.kind) == kinds.end()) continue;
    if (o.has_owner()) continue;  // a live ReplicaSet copies its Deployment: report the owner
    const Node pod_annotations = o.pod_annotations();
    const Node pod_enabled = pod_annotations.get(enabled_key);
    const bool injected = pod_enabled && is_truthy(pod_enabled.text());
    const std::string template_path = o.kind == "CronJob"
                                          ? "spec.jobTemplate.spec.template.metadata.annotations"
                                          : "spec.template.metadata.annotations";

    struct Level {
      Node annotations;
      std::string where;
    };
    std::vector<Level> levels{{o.root.get("metadata").get("annotations"), "its own metadata"}};
    if (o.kind == "CronJob") {
      levels.push_back({o.root.get("spec").get("jobTemplate").get("metadata").get("annotations"),
                        "the Job template's metadata (spec.jobTemplate.metadata)"});
    }
    for (const Level& level : levels) {
      std::vector<NodeEntry> dapr;
      for (const NodeEntry& e : level.annotations.entries()) {
        if (e.key.text().starts_with(prefix)) dapr.push_back(e);
      }
      if (dapr.empty()) continue;
      const std::string subject = o.kind + " " + o.name;
      if (injected) {
        // Dapr is on: keys that exist only at this level are silently ignored.
        std::vector<NodeEntry> ignored;
        for (const NodeEntry& e : dapr) {
          if (!pod_annotations.get(e.key.text())) ignored.push_back(e);
        }
        if (ignored.empty()) continue;
        emit.report(o, ignored.front().value,
                    subject + " sets " + join(ignored) + " on " + level.where +
                        " but not on the pod template (" + template_path +
                        "): the injector reads only the pod template, so the sidecar runs without "
                        "these settings",
                    Severity::Warning);
        continue;
      }
      if (pod_enabled) continue;  // Dapr explicitly disabled on the pod template
      const Node enabled_here = level.annotations.get(enabled_key);
      if (enabled_here && !is_truthy(enabled_here.text())) continue;  // disabled anyway
      emit.report(o, dapr.front().value,
                  subject + " sets " + join(dapr) + " on " + level.where +
                      " instead of the pod template (" + template_path +
                      "): the injector reads only pod annotations, so no Dapr sidecar is injected");
    }
  }
}

}  // namespace daprlint
