// sc-automount-token: Dapr apps that need no Kubernetes API access should not get the service
// account token (G-25). Components of params.kubernetes_api_types that apply to the app, or a
// ServiceAccount in the input that already disables automounting, silence it.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/sidecar.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// The app IDs a Component is scoped to; empty when it applies to every app of its namespace.
std::vector<std::string> scopes_of(const Object& component) {
  std::vector<std::string> out;
  for (Node s : component.root.get("scopes").elements()) out.emplace_back(s.text());
  return out;
}

struct KubeComponent {
  std::string name;
  std::vector<std::string> scopes;
};

}  // namespace

void sc_automount_token(const RunContext& ctx, const Emitter& emit) {
  Node types = emit.rule().params.get("kubernetes_api_types");
  auto type_list = types.elements();
  std::unordered_map<std::string, std::vector<KubeComponent>> by_namespace;
  for (const Object* c : ctx.inventory.of_kind("Component")) {
    std::string_view type = c->root.get("spec").get("type").text();
    if (std::none_of(type_list.begin(), type_list.end(), [&](Node t) { return t.text() == type; }))
      continue;
    by_namespace[std::string(c->effective_namespace())].push_back({c->name, scopes_of(*c)});
  }
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node spec = o.pod_template.get("spec");
    if (spec.get("automountServiceAccountToken")) continue;  // an explicit choice either way
    std::string_view account = spec.get("serviceAccountName").text();
    if (account.empty()) account = spec.get("serviceAccount").text();
    if (account.empty()) account = "default";
    const Object* sa = ctx.inventory.find("ServiceAccount", o.effective_namespace(), account);
    if (sa && sa->root.get("automountServiceAccountToken").text() == "false") continue;
    bool needs_api = false;
    if (auto it = by_namespace.find(std::string(o.effective_namespace()));
        it != by_namespace.end()) {
      const std::string app_id(o.app_id());
      needs_api = std::any_of(it->second.begin(), it->second.end(), [&](const KubeComponent& k) {
        return k.scopes.empty() ||
               std::find(k.scopes.begin(), k.scopes.end(), app_id) != k.scopes.end();
      });
    }
    if (needs_api) continue;
    emit.report(o, spec,
                o.kind + " " + o.name + " mounts the token of service account " +
                    std::string(account) +
                    " into the app and daprd containers (no automountServiceAccountToken: false), "
                    "though no Kubernetes secret store or binding Component in the input applies "
                    "to it");
  }
}

}  // namespace daprlint
