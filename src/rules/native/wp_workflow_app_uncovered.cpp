// wp-workflow-app-uncovered: a Dapr app that hosts workflows, in a namespace that uses
// WorkflowAccessPolicies, while no policy there applies to it. A policy applies to the apps of
// its `scopes`, or to every app of the namespace without them; an app with no policy loaded
// accepts every cross-app call on its workflows (dapr/dapr#9870: "When 0 policies are loaded for
// the target app, all calls are allowed"). Silent for namespaces without a policy in the input:
// their policies may be kept elsewhere.
#include <map>
#include <set>
#include <string>

#include "rules/native/rules.h"

namespace daprlint {
namespace {

constexpr std::string_view kKind = "WorkflowAccessPolicy";

/// The policies of one presence scope: the app-ids they name, and whether one has no scopes.
struct Policies {
  std::set<std::string, std::less<>> scoped;
  bool everyone = false;
};

/// Why the input says an app hosts workflows; empty when it does not.
using Evidence = std::map<std::pair<std::string, std::string>, std::string, std::less<>>;

void add(Evidence& e, const std::string& scope, std::string_view app_id, std::string why) {
  if (!app_id.empty()) e.emplace(std::make_pair(scope, std::string(app_id)), std::move(why));
}

}  // namespace

void wp_workflow_app_uncovered(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inv = ctx.inventory;
  std::map<std::string, Policies, std::less<>> policies;
  Evidence hosts;  // (scope, app-id) -> why it hosts workflows
  for (const Object* p : inv.of_kind(kKind)) {
    if (!p->api_version.starts_with("dapr.io/")) continue;
    const std::string scope = inv.presence_scope(*p);
    Policies& in = policies[scope];
    Node scopes = p->root.get("scopes");
    if (scopes.size() == 0) in.everyone = true;
    for (Node id : scopes.elements()) in.scoped.emplace(id.text());
    // Only a workflow schedules activities: the callers of activity rules run workflows.
    for (Node rule : p->root.get("spec").get("rules").elements()) {
      if (rule.get("activities").size() == 0) continue;
      for (Node caller : rule.get("callers").elements())
        add(hosts, scope, caller.get("appID").text(),
            "schedules activities under WorkflowAccessPolicy " + p->name);
    }
  }
  if (policies.empty()) return;
  // 1.18 MCPServer middleware hooks run a workflow of the app they name.
  for (const Object* m : inv.of_kind("MCPServer")) {
    if (!m->api_version.starts_with("dapr.io/")) continue;
    const std::string scope = inv.presence_scope(*m);
    for (const NodeEntry& hook : m->root.get("spec").get("middleware").entries()) {
      for (Node h : hook.value.elements())
        add(hosts, scope, h.get("workflow").get("appID").text(),
            "runs the workflow that MCPServer " + m->name + " calls from " +
                std::string(hook.key.text()));
    }
  }
  for (const Object& o : inv.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    const std::string_view id = o.app_id();
    if (id.empty()) continue;  // a generated pod name: no policy can name it
    const std::string scope = inv.presence_scope(o);
    auto in = policies.find(scope);
    if (in == policies.end() || in->second.everyone || in->second.scoped.contains(id)) continue;
    std::string why;
    Node config = o.pod_annotations().get("dapr.io/config");
    const Object* c =
        config ? inv.find("Configuration", o.effective_namespace(), config.text()) : nullptr;
    if (c && c->root.get("spec").get("workflow"))
      why = "its Configuration " + c->name + " sets spec.workflow";
    else if (auto e = hosts.find(std::make_pair(scope, std::string(id))); e != hosts.end())
      why = e->second;
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
