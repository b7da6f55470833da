// cl-worker-nodes: an HA control plane needs at least three schedulable Linux workers.
// Silent unless Node objects are in the input (a manifest repo rarely holds them).
#include <charconv>

#include "rules/native/rules.h"

namespace daprlint {
namespace {

bool control_plane_key(std::string_view key) {
  return key == "node-role.kubernetes.io/control-plane" || key == "node-role.kubernetes.io/master";
}

bool schedulable_linux_worker(const Object& node) {
  Node labels = node.root.get("metadata").get("labels");
  Node os = labels.get("kubernetes.io/os");
  if (!os) os = labels.get("beta.kubernetes.io/os");
  if (os && os.text() != "linux") return false;
  if (node.root.get("spec").get("unschedulable").text() == "true") return false;
  for (const auto& e : labels.entries()) {
    if (control_plane_key(e.key.text())) return false;
  }
  for (Node taint : node.root.get("spec").get("taints").elements()) {
    if (control_plane_key(taint.get("key").text()) && taint.get("effect").text() == "NoSchedule")
      return false;
  }
  return true;
}

}  // namespace

void cl_worker_nodes(const RunContext& ctx, const Emitter& emit) {
  const auto& nodes = ctx.inventory.of_kind("Node");
  if (nodes.empty()) return;
  int wanted = 3;
  std::string_view param = emit.rule().params.get("min_workers").text();
  std::from_chars(param.data(), param.data() + param.size(), wanted);
  int workers = 0;
  for (const Object* n : nodes) workers += schedulable_linux_worker(*n) ? 1 : 0;
  if (workers >= wanted) return;
  const Object& first = *nodes.front();
  emit.report(first, first.root.get("metadata"),
              "the cluster has " + std::to_string(workers) +
                  " schedulable Linux worker node(s) of " + std::to_string(nodes.size()) +
                  "; a highly available Dapr control plane needs at least " +
                  std::to_string(wanted));
}

}  // namespace daprlint
