#pragma once
// Names that Dapr resources refer to, indexed once per run: the app-ids of the input's Dapr apps
// and its Components by type family. For the cross-object rules (scopes, resiliency targets,
// auth.secretStore, pubsubname).

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/inventory.h"

namespace daprlint {

/// The app-ids the input's Dapr apps run with. An app's id is its pod template's
/// `dapr.io/app-id`; without one the injector uses the pod name, which the input knows only for a
/// bare Pod (its name; in a live export also the injector's `dapr.io/app-id` pod label) and a
/// StatefulSet (`<name>-<ordinal>`). The generated pod names of a Deployment, ReplicaSet,
/// DaemonSet, Job or CronJob cannot be named in a manifest, so those apps add no id.
class AppIds {
 public:
  explicit AppIds(const Inventory& inventory);

  /// Whether the input holds a Dapr app where `referrer` may expect its apps: in its presence
  /// scope and in its scope (Inventory::has_kind_near).
  bool has_apps_near(const Object& referrer) const;
  /// Whether a Dapr app of `ns` runs with `id`.
  bool known(std::string_view ns, std::string_view id) const;
  /// Whether a Dapr app of any namespace runs with `id`.
  bool known_anywhere(std::string_view id) const;
  /// The explicit app-ids of `ns`, sorted.
  std::vector<std::string> ids_in(std::string_view ns) const;
  /// Suggestion candidates (Inventory::in_one_scope): the explicit app-ids of the apps in the
  /// scope of `near`, of namespace `ns` (empty: any), sorted.
  std::vector<std::string> ids_near(const Object& near, std::string_view ns = {}) const;
  /// Whether an app in the scope of `near`, of namespace `ns` (empty: any), runs with `id`.
  bool known_near(const Object& near, std::string_view id, std::string_view ns = {}) const;

 private:
  struct App {
    const Object* object;
    std::string id;  // explicit; else the StatefulSet's name, whose pods are `<name>-<ordinal>`
    bool ordinal;
  };
  const Inventory& inventory_;
  std::vector<App> apps_;
  std::unordered_multimap<std::string, std::size_t> by_id_;         // App::id -> index into apps_
  std::set<std::pair<std::string, std::string>, std::less<>> ids_;  // (namespace, id)
  std::set<std::pair<std::string, std::string>, std::less<>> statefulsets_;
  std::unordered_set<std::string> any_namespace_;
  std::unordered_set<std::string> statefulsets_any_namespace_;
  ScopeIndex presence_;  // the apps by presence scope
};

/// The `spec.type` family of a Component: `secretstores` for `secretstores.azure.keyvault`.
std::string_view component_family(std::string_view type);

/// Components by type family: which namespaces hold one, and under which names.
class ComponentCatalog {
 public:
  explicit ComponentCatalog(const Inventory& inventory);

  /// Whether the referrer's presence scope (Inventory::presence_scope) holds a Component of
  /// that family.
  bool has_family_near(std::string_view family, const Object& referrer) const;
  /// Names of the Components of that family in `ns`, sorted; with `near`, only those in its
  /// scope (Inventory::in_one_scope), for suggestions.
  std::vector<std::string> names_in(std::string_view family, std::string_view ns,
                                    const Object* near = nullptr) const;
  /// Namespaces holding a Component of that family and name, sorted; with `near`, only those
  /// in its scope.
  std::vector<std::string> namespaces_of(std::string_view family, std::string_view name,
                                         const Object* near = nullptr) const;
  /// Why `referrer`'s reference to the Component `name` of `family` does not resolve, as the
  /// end of a sentence after "but " (`that pub/sub Component is in namespace x, not in y`);
  /// empty when it resolves (a Component of that family, name and namespace anywhere in the
  /// input) or when nothing of that family is near the referrer (has_family_near). A Component
  /// of that name but another type, where the Component is instead, and what the name may be a
  /// typo of, come from the referrer's scope only. `noun` names the family (`pub/sub`),
  /// `noun_component` a Component of it (`pub/sub Component`).
  std::string unresolved(const Object& referrer, std::string_view name, std::string_view family,
                         std::string_view noun, std::string_view noun_component) const;

 private:
  // family \0 namespace -> Components; family \0 name -> Components
  std::unordered_map<std::string, std::vector<const Object*>> by_namespace_;
  std::unordered_map<std::string, std::vector<const Object*>> by_name_;
  // namespace \0 name -> Components of any type
  std::unordered_map<std::string, std::vector<const Object*>> named_;
  ScopeIndex family_scopes_;  // family \0 presence scope
  const Inventory& inventory_;
};

/// The candidate closest to `name` by edit distance when it is close enough to be a typo
/// (at most 2 edits and less than half the name); empty otherwise.
std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates);

/// `a, b, c`.
std::string comma_list(const std::vector<std::string>& items);

/// ` (did you mean 'x'?)`, or empty.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace daprlint
