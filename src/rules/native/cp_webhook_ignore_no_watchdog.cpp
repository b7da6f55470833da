// cp-webhook-ignore-no-watchdog: with the injector webhook failing open (failurePolicy Ignore,
// the chart's default) and the operator's injector watchdog off (--watch-interval 0, its
// default), a pod created while the injector is unavailable runs without daprd for good
// (dapr/dapr#4171, G-27). Needs the operator in the webhook's scope (Inventory::in_one_scope);
// silent without it, and when an operator of that namespace anywhere runs the watchdog.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "model/args.h"
#include "model/text.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Operator {
  const Object* object = nullptr;
  std::string_view ns;
  bool watchdog = false;
};

}  // namespace

void cp_webhook_ignore_no_watchdog(const RunContext& ctx, const Emitter& emit) {
  // Releases before 1.8 have no watchdog (dapr/dapr#4764): the rule's `releases: ">=1.8"`.
  const RuleParams& params = emit.rule().params;
  std::vector<std::string> off;
  for (Node v : params.get("watch_interval_off").elements()) off.push_back(lower(v.text()));
  std::vector<Operator> operators;
  for (const Object* o : ctx.inventory.of_kind("Deployment")) {
    if (o->component != Component::Operator) continue;
    // Only the operator's own container: a sidecar beside it (global.extraContainers) is not it.
    FlagUse use = last_flag(dapr_container(*o), "watch-interval");
    const bool on = use.value && std::find(off.begin(), off.end(), lower(use.text)) == off.end();
    operators.push_back({o, o->effective_namespace(), on});
  }
  if (operators.empty()) return;
  const std::string_view webhook_name = params.get("webhook").text();
  for (const Object* o : ctx.inventory.of_kind("MutatingWebhookConfiguration")) {
    for (Node hook : o->root.get("webhooks").elements()) {
      if (hook.get("name").text() != webhook_name) continue;
      Node policy = hook.get("failurePolicy");
      // admissionregistration.k8s.io/v1 defaults to Fail, v1beta1 to Ignore.
      const bool ignore = policy ? policy.text() == "Ignore" : o->api_version.ends_with("v1beta1");
      if (!ignore) continue;
      std::string_view ns = hook.get("clientConfig").get("service").get("namespace").text();
      const Operator* op = nullptr;  // the first of its scope, to name
      bool any_watchdog = false;
      for (const Operator& entry : operators) {
        if (!ns.empty() && entry.ns != ns) continue;
        if (!op && ctx.inventory.in_one_scope(*entry.object, *o)) op = &entry;
        any_watchdog = any_watchdog || entry.watchdog;
      }
      if (!op || any_watchdog) continue;
      emit.report(*o, policy ? policy : hook,
                  "webhook " + std::string(webhook_name) + " fails open (failurePolicy " +
                      (policy ? "Ignore" : "Ignore by default in v1beta1") +
                      ") while the operator " + op->object->name +
                      " runs without the injector watchdog (--watch-interval 0 or unset): pods "
                      "created when the injector is down run without daprd and nothing restarts "
                      "them");
    }
  }
}

}  // namespace daprlint
