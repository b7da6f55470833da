// cp-webhook-fail-no-selector: the injector webhook with failurePolicy Fail and no selector
// leaving out kube-system and the control plane's namespace rejects every pod CREATE there
// while the injector is down, the injector's own replacement pods included, so it cannot come
// back after a full restart (dapr-currency §1.3; kumahq/kuma#3293 for the same deadlock).
#include <string>
#include <vector>

#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// Whether a LabelSelector selects an object whose only labels are `labels` (key, value pairs):
/// a namespace is known by its `kubernetes.io/metadata.name` (Kubernetes 1.21+), a pod the
/// selector knows nothing about by no label at all. Absent or empty selects everything, as for
/// webhooks.
bool selects(Node selector, const std::vector<std::pair<std::string, std::string>>& labels) {
  auto label = [&](std::string_view key) -> const std::string* {
    for (const auto& [k, v] : labels)
      if (k == key) return &v;
    return nullptr;
  };
  for (const NodeEntry& e : selector.get("matchLabels").entries()) {
    const std::string* v = label(e.key.text());
    if (!v || *v != e.value.text()) return false;
  }
  for (Node expr : selector.get("matchExpressions").elements()) {
    const std::string* v = label(expr.get("key").text());
    bool listed = false;
    for (Node value : expr.get("values").elements()) listed = listed || (v && *v == value.text());
    const std::string_view op = expr.get("operator").text();
    if ((op == "In" && !listed) || (op == "NotIn" && listed) || (op == "Exists" && !v) ||
        (op == "DoesNotExist" && v))
      return false;
  }
  return true;
}

/// The namespaces of `wanted` that the selectors still send to the webhook, joined by ", ".
std::string not_excluded(Node namespace_selector, Node object_selector,
                         const std::vector<std::string>& wanted) {
  std::string out;
  if (!selects(object_selector, {})) return out;  // opt-in pod label: unlabelled pods pass
  for (const std::string& ns : wanted) {
    if (!selects(namespace_selector, {{"kubernetes.io/metadata.name", ns}})) continue;
    out += (out.empty() ? "" : ", ") + ns;
  }
  return out;
}

std::vector<std::string> namespaces(std::string_view control_plane) {
  std::vector<std::string> out{"kube-system"};
  if (!control_plane.empty() && control_plane != "kube-system" &&
      control_plane != kUnknownReleaseNamespace)
    out.emplace_back(control_plane);
  return out;
}

const char* const kWhy =
    ": while the injector is unavailable the API server rejects every pod created there, the "
    "injector's own included, so it cannot come back after a full restart";

}  // namespace

void cp_webhook_fail_no_selector(const RunContext& ctx, const Emitter& emit) {
  const std::string_view webhook_name = emit.rule().params.get("webhook").text();
  for (const Object* o : ctx.inventory.of_kind("MutatingWebhookConfiguration")) {
    for (Node hook : o->root.get("webhooks").elements()) {
      if (hook.get("name").text() != webhook_name) continue;
      Node policy = hook.get("failurePolicy");
      // admissionregistration.k8s.io/v1 defaults to Fail, v1beta1 to Ignore.
      if (policy ? policy.text() != "Fail" : o->api_version.ends_with("v1beta1")) continue;
      const std::string open =
          not_excluded(hook.get("namespaceSelector"), hook.get("objectSelector"),
                       namespaces(hook.get("clientConfig").get("service").get("namespace").text()));
      if (open.empty()) continue;
      emit.report(*o, policy ? policy : hook,
                  "webhook " + std::string(webhook_name) + " has failurePolicy Fail" +
                      (policy ? "" : " (the v1 default)") +
                      " and no namespaceSelector or objectSelector leaving out " + open + kWhy);
    }
  }
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const Node selector_value = facts.chart_value("dapr_sidecar_injector.namespaceSelector");
  // Charts before 1.15 render no selector whatever the values say.
  const ReleaseMask with_selector = facts.mask(selector_value.get("releases").text());
  for (std::string_view kind : {"HelmRelease", "Application"}) {
    for (const Object* o : ctx.inventory.of_kind(kind)) {
      if (!o->dapr_chart) continue;
      Node injector = o->chart_values.get("dapr_sidecar_injector");
      Node policy = injector.get("webhookFailurePolicy");
      if (policy.text() != "Fail") continue;
      Node ns_selector = injector.get("namespaceSelector");
      Node obj_selector = injector.get("objectSelector");
      // A selector may come from values outside the object: only judge one given here.
      if (o->chart_values_external && !ns_selector && !obj_selector) continue;
      const std::string_view ns = chart_install_namespace(*o);
      const std::vector<std::string> wanted = namespaces(ns);
      const std::string open = not_excluded(ns_selector, obj_selector, wanted);
      std::string listed;
      for (const std::string& n : wanted) listed += (listed.empty() ? "" : ", ") + n;
      const std::string head = std::string(kind) + " " + o->name +
                               " sets dapr_sidecar_injector.webhookFailurePolicy: Fail";
      if (!open.empty()) {
        emit.report(
            *o, policy,
            head + " without a namespaceSelector or objectSelector leaving out " + open + kWhy);
      } else if ((ns_selector || obj_selector) && (facts.every() & ~with_selector)) {
        emit.report(*o, policy,
                    head +
                        " and a selector, which charts before 1.15 do not render, so the "
                        "webhook also covers " +
                        listed + kWhy,
                    std::nullopt, facts.every() & ~with_selector);
      }
    }
  }
}

}  // namespace daprlint
