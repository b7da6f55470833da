// sc-job-restart-policy: a Job whose daprd is a regular container must use restartPolicy Never
// (Dapr kubernetes-job docs): once the app calls /v1.0/shutdown, daprd stops and its probes
// fail, and OnFailure lets the kubelet restart the pod's containers instead of ending the Job.
#include "rules/native/native_sidecar.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void sc_job_restart_policy(const RunContext& ctx, const Emitter& emit) {
  const std::size_t release = ctx.release.value_or(ReleaseFacts::embedded().latest());
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner() || (o.kind != "Job" && o.kind != "CronJob")) continue;
    Node spec = o.pod_template.get("spec");
    Node policy = spec.get("restartPolicy");
    if (policy.text() == "Never" || native_sidecar(ctx.inventory, o, release).on) continue;
    const std::string has =
        policy ? "restartPolicy " + std::string(policy.text()) : std::string("no restartPolicy");
    emit.report(o, policy ? policy : spec,
                o.kind + " " + o.name + " has a Dapr sidecar and " + has +
                    ": when daprd stops after /v1.0/shutdown the kubelet restarts the pod's " +
                    "containers instead of ending the Job; use restartPolicy Never");
  }
}

}  // namespace daprlint
