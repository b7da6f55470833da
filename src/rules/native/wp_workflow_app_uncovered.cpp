// wp-workflow-app-uncovered: a Dapr app that hosts workflows, in a namespace that uses
// WorkflowAccessPolicies, while no policy there applies to it. A policy applies to the apps of
// its `scopes`, or to every app of the namespace without them; an app with no policy loaded
// accepts every cross-app call on its workflows (dapr/dapr#9870: "When 0 policies are loaded for
// the target app, all calls are allowed"). Silent for namespaces without a policy in the input:
// their policies may be kept elsewhere. Policies and evidence count only in the app's scope
// (Inventory::in_one_scope): a sibling folder may go to another cluster.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/native/rules.h"

namespace daprlint {
namespace {

constexpr std::string_view kKind = "WorkflowAccessPolicy";

/// What the input says of one app-id, from one object: a policy naming it, or why it hosts
/// workflows.
struct Said {
  const Object* by = nullptr;
  std::string why;  // empty for a policy
};

/// By presence scope, then app-id ("" for a policy without scopes, which names every app).
using Index = std::map<std::string, std::multimap<std::string, Said, std::less<>>, std::less<>>;

/// What `index` says of `id` in the scope of `app`: the first saying in one scope with it.
const Said* said(const Inventory& inv, const Index& index, const std::string& scope,
                 std::string_view id, const Object& app) {
  auto in = index.find(scope);
  if (in == index.end()) return nullptr;
  auto [from, to] = in->second.equal_range(id);
  for (auto it = from; it != to; ++it) {
    if (inv.in_one_scope(*it->second.by, app)) return &it->second;
  }
  return nullptr;
}

}  // namespace

void wp_workflow_app_uncovered(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inv = ctx.inventory;
  Index policies, hosts;  // hosts: why an app-id hosts workflows
  for (const Object* p : inv.of_kind(kKind)) {
    if (!p->api_version.starts_with("dapr.io/")) continue;
    auto& in = policies[inv.presence_scope(*p)];
    Node scopes = p->root.get("scopes");
    if (scopes.size() == 0) in.emplace("", Said{p, {}});
    for (Node id : scopes.elements()) in.emplace(std::string(id.text()), Said{p, {}});
    // Only a workflow schedules activities: the callers of activity rules run workflows.
    for (Node rule : p->root.get("spec").get("rules").elements()) {
      if (rule.get("activities").size() == 0) continue;
      for (Node caller : rule.get("callers").elements()) {
        if (std::string_view id = caller.get("appID").text(); !id.empty())
          hosts[inv.presence_scope(*p)].emplace(
              std::string(id),
              Said{p, "schedules activities under WorkflowAccessPolicy " + p->name});
      }
    }
  }
  if (policies.empty()) return;
  // 1.18 MCPServer middleware hooks run a workflow of the app they name.
  for (const Object* m : inv.of_kind("MCPServer")) {
    if (!m->api_version.starts_with("dapr.io/")) continue;
    for (const NodeEntry& hook : m->root.get("spec").get("middleware").entries()) {
      for (Node h : hook.value.elements()) {
        if (std::string_view id = h.get("workflow").get("appID").text(); !id.empty())
          hosts[inv.presence_scope(*m)].emplace(
              std::string(id), Said{m, "runs the workflow that MCPServer " + m->name +
                                           " calls from " + std::string(hook.key.text())});
      }
    }
  }
  for (const Object& o : inv.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    const std::string_view id = o.app_id();
    if (id.empty()) continue;  // a generated pod name: no policy can name it
    const std::string scope = inv.presence_scope(o);
    auto near = [&](const Object* other) { return other && inv.in_one_scope(*other, o); };
    // No policy in the app's scope: they may be kept elsewhere. One applies: covered.
    const auto in = policies.find(scope);
    if (in == policies.end() ||
        std::none_of(in->second.begin(), in->second.end(),
                     [&](const auto& p) { return near(p.second.by); }) ||
        said(inv, policies, scope, "", o) || said(inv, policies, scope, id, o))
      continue;
    std::string why;
    Node config = o.pod_annotations().get("dapr.io/config");
    const Object* c =
        config ? inv.find("Configuration", o.effective_namespace(), config.text()) : nullptr;
    if (near(c) && c->root.get("spec").get("workflow"))
      why = "its Configuration " + c->name + " sets spec.workflow";
    else if (const Said* host = said(inv, hosts, scope, id, o))
      why = host->why;
    else
      continue;
    emit.report(o, o.pod_annotations().get("dapr.io/app-id"),
                o.kind + " " + o.name + " hosts workflows (" + why +
                    "), but none of the WorkflowAccessPolicies of namespace " +
                    std::string(o.effective_namespace()) + " applies to app-id '" +
                    std::string(id) +
                    "': any other app of the namespace may schedule, terminate, purge or raise "
                    "events on its workflows");
  }
}

}  // namespace daprlint
