// cp-priority-quota-missing: control-plane pods use a system-critical priority class but no
// ResourceQuota of their namespace has a PriorityClass scope admitting it (G-10,
// dapr/dapr#7783); clusters that limit those classes (GKE) then refuse the pods outside
// kube-system. Reported when the namespace holds some ResourceQuota, and, in manifests of a
// control plane older than the chart that renders `system-critical-quota` itself, also when it
// holds none: that is exactly the case G-10 asks to fix by hand.
#include <algorithm>
#include <unordered_map>

#include "model/selector.h"
#include "model/version.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

std::vector<std::string> strings(Node seq) {
  std::vector<std::string> out;
  for (Node n : seq.elements()) out.emplace_back(n.text());
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool in_values(Node values, std::string_view value) {
  for (Node v : values.elements()) {
    if (v.text() == value) return true;
  }
  return false;
}

/// Whether a `scopeName: PriorityClass` expression of a quota's scopeSelector matches the class.
bool admits(Node expression, std::string_view priority_class) {
  std::string_view op = expression.get("operator").text();
  Node values = expression.get("values");
  if (op == "In") return in_values(values, priority_class);
  if (op == "NotIn") return !in_values(values, priority_class);
  return op == "Exists";
}

std::optional<Version> parse_version(std::string_view text) {
  return image_version("dapr:" + std::string(text));
}

}  // namespace

void cp_priority_quota_missing(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  const RuleParams& params = emit.rule().params;
  const std::vector<std::string> classes = strings(params.get("priority_classes"));
  const std::vector<std::string> exempt = strings(params.get("exempt_namespaces"));
  const std::optional<Version> chart_quota_since =
      parse_version(params.get("chart_quota_since").text());
  // PriorityClass expressions of every ResourceQuota, per namespace.
  std::unordered_map<std::string, std::vector<Node>> scopes;
  for (const Object* q : inventory.of_kind("ResourceQuota")) {
    for (Node e : q->root.get("spec").get("scopeSelector").get("matchExpressions").elements()) {
      if (e.get("scopeName").text() == "PriorityClass") {
        scopes[std::string(q->effective_namespace())].push_back(e);
      }
    }
  }
  for (const Object& o : inventory.objects) {
    if (!o.is_control_plane() || !o.is_workload()) continue;
    Node pc = o.pod_template.get("spec").get("priorityClassName");
    std::string_view priority_class = pc.text();
    if (!contains(classes, priority_class)) continue;
    const std::string ns(o.effective_namespace());
    if (contains(exempt, ns)) continue;
    auto it = scopes.find(ns);
    if (it != scopes.end() && std::any_of(it->second.begin(), it->second.end(),
                                          [&](Node e) { return admits(e, priority_class); }))
      continue;
    std::string why;
    if (inventory.has_kind_near("ResourceQuota", o)) {
      why = "no ResourceQuota in " + ns + " has a PriorityClass scope that admits it";
    } else {
      if (o.live || !chart_quota_since) continue;  // exports rarely include ResourceQuotas
      const std::optional<Version>& version = ctx.control_plane;
      if (!version || *version >= *chart_quota_since) continue;  // the chart renders the quota
      why = "the input holds no ResourceQuota in " + ns + " and Dapr " + version->text +
            " charts do not create one";
    }
    if (owned_by_input_object(inventory, o)) continue;  // the owner is reported
    emit.report(o, pc,
                o.kind + " " + o.name + " uses priorityClassName " + std::string(priority_class) +
                    " but " + why +
                    ": clusters that limit critical priority classes to namespaces with such a "
                    "quota (GKE) refuse to create its pods");
  }
}

}  // namespace daprlint
