// cl-worker-nodes: an HA control plane needs at least three schedulable Linux workers.
// Silent unless Node objects are in the input (a manifest repo rarely holds them).
#include <charconv>

#include "rules/native/rules.h"

namespace daprlint {

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
