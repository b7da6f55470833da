// cp-scheduler-storage: the scheduler's embedded etcd keeps jobs, reminders and workflow timers
// in its data directory. The docs call the 1Gi claim of charts up to 1.17.6 too small for
// production and ask for 16Gi or more (dapr/docs#4829); an emptyDir (the chart's inMemoryStorage
// mode uses a Memory-backed one) loses everything when the pod goes.
#include <string>

#include "model/args.h"
#include "model/quantity.h"
#include "rules/declarative.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

std::string_view trim_slashes(std::string_view s) {
  while (s.size() > 1 && s.back() == '/') s.remove_suffix(1);
  return s;
}

/// Whether `dir` is `mount` or below it.
bool under(std::string_view dir, std::string_view mount) {
  dir = trim_slashes(dir);
  mount = trim_slashes(mount);
  if (mount == "/") return true;
  return dir == mount || (dir.starts_with(mount) && dir[mount.size()] == '/');
}

/// The volume mount that holds the data directory: the deepest mount above `--etcd-data-dir`,
/// else the chart's data volume. Absent when none is mounted.
Node data_mount(Node container, std::string_view data_dir, std::string_view chart_volume) {
  Node best;
  std::size_t best_len = 0;
  for (Node m : container.get("volumeMounts").elements()) {
    std::string_view path = m.get("mountPath").text();
    if (data_dir.empty()) {
      if (m.get("name").text() == chart_volume) return m;
    } else if (!path.empty() && under(data_dir, path) && path.size() >= best_len) {
      best = m;
      best_len = path.size();
    }
  }
  return best;
}

Node find_named(Node seq, std::string_view name, bool in_metadata) {
  for (Node e : seq.elements()) {
    Node n = in_metadata ? e.get("metadata").get("name") : e.get("name");
    if (n.text() == name) return e;
  }
  return {};
}

}  // namespace

void cp_scheduler_storage(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::string_view min_text = params.get("min_storage").text();
  const auto min_storage = parse_quantity(min_text);
  const std::string_view chart_volume = params.get("data_volume").text();
  for (const Object& o : ctx.inventory.objects) {
    if (!targets_match(emit.rule(), o, ctx)) continue;
    if (o.root.get("spec").get("replicas").text() == "0") continue;  // scheduler disabled
    Node pod_spec = o.pod_template.get("spec");
    for (Node container : pod_spec.get("containers").elements()) {
      if (container != dapr_container(o)) continue;  // a sidecar beside the scheduler
      FlagUse embed = last_flag(container, "etcd-embed");
      if (embed.value && !embed.text.empty() && !is_truthy(embed.text)) continue;  // external etcd
      FlagUse dir = last_flag(container, "etcd-data-dir");
      std::string_view data_dir = dir.value ? dir.text : std::string_view();
      Node mount = data_mount(container, data_dir, chart_volume);
      const std::string who = "scheduler " + o.kind + " " + o.name;
      if (!mount) {
        if (dir.value && !data_dir.empty()) {
          emit.report(o, dir.value,
                      who + " writes its etcd data to " + std::string(data_dir) +
                          ", which no volume holds: jobs, reminders and workflow state are lost "
                          "whenever the container restarts",
                      Severity::Error);
        }
        continue;
      }
      const std::string_view volume = mount.get("name").text();
      if (Node claim = find_named(o.root.get("spec").get("volumeClaimTemplates"), volume, true)) {
        Node storage = claim.get("spec").get("resources").get("requests").get("storage");
        auto size = parse_quantity(storage.text());
        if (size && min_storage && *size < *min_storage) {
          emit.report(o, storage,
                      who + " requests " + std::string(storage.text()) + " for its etcd data (" +
                          std::string(volume) + "), below the " + std::string(min_text) +
                          " the docs ask for: when it fills, etcd refuses writes (database "
                          "space exceeded) and jobs, reminders and workflows stop");
        }
        continue;
      }
      Node empty_dir = find_named(pod_spec.get("volumes"), volume, false).get("emptyDir");
      if (!empty_dir) continue;  // an existing claim or another volume type: size unknown here
      if (empty_dir.get("medium").text() == "Memory") {
        emit.report(o, empty_dir.get("medium"),
                    who + " keeps its etcd data in a Memory emptyDir (" + std::string(volume) +
                        "): jobs, reminders and workflow state are lost whenever the pod is "
                        "deleted or rescheduled, and the data counts against the pod's memory",
                    Severity::Error);
      } else {
        emit.report(o, empty_dir,
                    who + " keeps its etcd data in an emptyDir (" + std::string(volume) +
                        "): jobs, reminders and workflow state are lost whenever the pod is "
                        "deleted or rescheduled");
      }
    }
  }
}

}  // namespace daprlint
