// sc-job-sidecar-never-exits: daprd as a regular container outlives the app, so a Job's pod
// never terminates unless the app calls POST /v1.0/shutdown (Dapr kubernetes-job docs); from
// 1.18 the injector can add daprd as a native sidecar, which Kubernetes stops by itself.
#include "rules/native/native_sidecar.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void sc_job_sidecar_never_exits(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const std::size_t release = ctx.release.value_or(facts.latest());
  const ReleaseMask native_releases = facts.annotation(kNativeSidecarAnnotation);
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner() || (o.kind != "Job" && o.kind != "CronJob")) continue;
    const NativeSidecar native = native_sidecar(ctx.inventory, o, release);
    if (native.on) continue;
    Node annotations = o.pod_annotations();
    Node asked = annotations.get(kNativeSidecarAnnotation);
    std::string message = o.kind + " " + o.name +
                          " has a Dapr sidecar that keeps running after the app exits: it " +
                          "completes only if the app calls POST /v1.0/shutdown";
    if (asked && is_truthy(asked.text())) {
      message += "; the injector of Dapr " + facts.describe(release_bit(release)) + " ignores " +
                 std::string(kNativeSidecarAnnotation) + " (read from " +
                 facts.describe(native_releases) + ")";
    } else if (native_releases & release_bit(release)) {
      message +=
          "; set " + std::string(kNativeSidecarAnnotation) + ": \"true\" to let Kubernetes stop it";
    }
    emit.report(o, asked ? asked : annotations.get("dapr.io/enabled"), message);
  }
}

}  // namespace daprlint
