// sc-graceful-shutdown: daprd's shutdown (block duration, then graceful drain) must fit in the
// pod's terminationGracePeriodSeconds, or the kubelet kills it mid-drain (annotations page).
#include "model/duration.h"
#include "model/sidecar.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

std::int64_t param_int(const RuleParams& params, std::string_view key, std::int64_t fallback) {
  auto v = parse_go_int(params.get(key).text());
  return v ? *v : fallback;
}

}  // namespace

void sc_graceful_shutdown(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::int64_t default_grace = param_int(params, "default_termination_grace_seconds", 30);
  const std::int64_t daprd_default = param_int(params, "daprd_default_graceful_seconds", 5);
  // A finding holds for the releases whose injector reads the annotation it is about.
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node annotations = o.pod_annotations();
    Node graceful = annotations.get("dapr.io/graceful-shutdown-seconds");
    Node block = annotations.get("dapr.io/block-shutdown-duration");
    if (!graceful && !block) continue;
    Node grace_node = o.pod_template.get("spec").get("terminationGracePeriodSeconds");
    auto grace_value = parse_go_int(grace_node.text());
    const bool grace_set = grace_value && *grace_value >= 0;
    const std::int64_t grace = grace_set ? *grace_value : default_grace;
    const std::string grace_text = "terminationGracePeriodSeconds " + std::to_string(grace) +
                                   (grace_set ? "" : " (the default)");
    const std::string object = o.kind + " " + o.name;

    // The injector ignores a value that is not an integer; a negative one means daprd's default.
    auto drain = parse_go_int(graceful.text());
    if (drain && *drain > grace) {
      emit.report(o, graceful,
                  "dapr.io/graceful-shutdown-seconds " + std::to_string(*drain) + " of " + object +
                      " is longer than its " + grace_text +
                      ": the kubelet kills daprd before it finishes draining in-flight requests",
                  std::nullopt, facts.annotation("dapr.io/graceful-shutdown-seconds"));
      continue;
    }
    const std::int64_t drain_seconds = drain && *drain >= 0 ? *drain : daprd_default;
    auto wait = parse_go_duration_ns(block.text());
    if (!wait || *wait <= 0) continue;
    // drain_seconds <= grace here; compare in seconds so that no product overflows.
    const std::int64_t wait_seconds_up = *wait / 1'000'000'000 + (*wait % 1'000'000'000 ? 1 : 0);
    if (wait_seconds_up <= grace - drain_seconds) continue;
    emit.report(o, block,
                "dapr.io/block-shutdown-duration " + std::string(block.text()) + " of " + object +
                    " plus " + std::to_string(drain_seconds) +
                    "s of graceful shutdown exceeds its " + grace_text +
                    ": the kubelet can kill daprd before it drains",
                std::nullopt, facts.annotation("dapr.io/block-shutdown-duration"));
  }
}

}  // namespace daprlint
