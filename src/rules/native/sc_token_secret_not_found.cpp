// sc-token-secret-not-found: `dapr.io/api-token-secret` / `dapr.io/app-token-secret` name a Secret
// that is not in the app's namespace, or a Secret without the `token` key. The injector adds the
// env var from secretKeyRef {name, key: token} (not optional), so the pod cannot start. Silent
// when the app's scope (Inventory::has_kind_near) holds no Secret in that namespace; a Secret of
// that name in another scope is taken as it is, not judged.
#include <set>

#include "model/selector.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

constexpr std::string_view kAnnotations[] = {"dapr.io/api-token-secret",
                                             "dapr.io/app-token-secret"};

/// Whether a Secret's data or stringData is known and lacks `token`. Unknown (no data at all,
/// e.g. a service-account token Secret the controller fills) counts as having it.
bool lacks_token(const Object& secret) {
  Node data = secret.root.get("data");
  Node string_data = secret.root.get("stringData");
  if (data.size() == 0 && string_data.size() == 0) return false;
  return !data.get("token") && !string_data.get("token");
}

}  // namespace

void sc_token_secret_not_found(const RunContext& ctx, const Emitter& emit) {
  const Inventory& inventory = ctx.inventory;
  if (!inventory.has_kind("Secret")) return;
  // Secrets that controllers in the input will create: SealedSecret and ExternalSecret targets.
  std::set<std::pair<std::string, std::string>, std::less<>> generated;
  for (const Object* s : inventory.of_kind("SealedSecret")) {
    std::string_view name = s->root.get("spec").get("template").get("metadata").get("name").text();
    generated.emplace(s->effective_namespace(), name.empty() ? s->name : std::string(name));
  }
  for (const Object* s : inventory.of_kind("ExternalSecret")) {
    std::string_view name = s->root.get("spec").get("target").get("name").text();
    generated.emplace(s->effective_namespace(), name.empty() ? s->name : std::string(name));
  }
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app) continue;
    const std::string_view ns = o.effective_namespace();
    if (!inventory.has_kind_near("Secret", o)) continue;
    for (std::string_view annotation : kAnnotations) {
      Node value = o.pod_annotations().get(annotation);
      std::string_view name = value.text();
      if (name.empty()) continue;
      const Object* secret = inventory.find("Secret", ns, name);
      std::string problem;
      if (!secret) {
        if (generated.count(std::make_pair(std::string(ns), std::string(name)))) continue;
        problem = "no Secret " + std::string(name) + " exists in namespace " + std::string(ns);
      } else if (lacks_token(*secret) && inventory.in_one_scope(*secret, o)) {
        problem = "Secret " + std::string(name) + " has no key 'token'";
      } else {
        continue;
      }
      if (owned_by_input_object(inventory, o)) break;  // the owner is reported
      emit.report(o, value,
                  o.kind + " " + o.name + " sets " + std::string(annotation) + " but " + problem +
                      ": the injected daprd container reads the token from it and the pod stays "
                      "in CreateContainerConfigError",
                  std::nullopt, ReleaseFacts::embedded().annotation(annotation));
    }
  }
}

}  // namespace daprlint
