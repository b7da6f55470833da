#include "model/references.h"

#include <algorithm>
#include <cctype>

#include "model/edit_distance.h"

namespace daprlint {
namespace {

std::string joined(std::string_view a, std::string_view b) {
  std::string out(a);
  out.push_back('\0');
  out.append(b);
  return out;
}

/// `orders-0` -> `orders`; empty when there is no `-<digits>` suffix.
std::string_view without_ordinal(std::string_view name) {
  std::size_t dash = name.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == name.size()) return {};
  for (std::size_t i = dash + 1; i < name.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return {};
  }
  return name.substr(0, dash);
}

}  // namespace

AppIds::AppIds(const Inventory& inventory) : inventory_(inventory) {
  for (const Object& o : inventory.objects) {
    if (!o.dapr_app) continue;
    std::string ns(o.effective_namespace());
    inventory.place(presence_, inventory.presence_scope(o), o);
    std::string_view id = o.app_id();
    if (id.empty()) {
      id = o.pod_template.get("metadata").get("labels").get("dapr.io/app-id").text();
    }
    if (id.empty() && o.kind == "Pod") id = o.name;
    if (!id.empty()) {
      ids_.emplace(ns, std::string(id));
      any_namespace_.emplace(id);
      by_id_.emplace(std::string(id), apps_.size());
      apps_.push_back({&o, std::string(id), false});
    } else if (o.kind == "StatefulSet") {
      statefulsets_.emplace(ns, o.name);
      statefulsets_any_namespace_.insert(o.name);
      by_id_.emplace(o.name, apps_.size());
      apps_.push_back({&o, o.name, true});
    }
  }
}

bool AppIds::has_apps_near(const Object& referrer) const {
  return inventory_.near(presence_, inventory_.presence_scope(referrer), referrer);
}

bool AppIds::known(std::string_view ns, std::string_view id) const {
  auto key = std::make_pair(std::string(ns), std::string(id));
  if (ids_.count(key)) return true;
  std::string_view base = without_ordinal(id);
  return !base.empty() && statefulsets_.count(std::make_pair(key.first, std::string(base)));
}

bool AppIds::known_anywhere(std::string_view id) const {
  if (any_namespace_.count(std::string(id))) return true;
  std::string_view base = without_ordinal(id);
  return !base.empty() && statefulsets_any_namespace_.count(std::string(base));
}

std::vector<std::string> AppIds::ids_in(std::string_view ns) const {
  std::vector<std::string> out;
  for (auto it = ids_.lower_bound(std::make_pair(std::string(ns), std::string()));
       it != ids_.end() && it->first == ns; ++it) {
    out.push_back(it->second);
  }
  return out;
}

std::vector<std::string> AppIds::ids_near(const Object& near, std::string_view ns) const {
  std::set<std::string> out;
  for (const App& a : apps_) {
    if (!a.ordinal && (ns.empty() || a.object->effective_namespace() == ns) &&
        inventory_.in_one_scope(*a.object, near))
      out.insert(a.id);
  }
  return {out.begin(), out.end()};
}

bool AppIds::known_near(const Object& near, std::string_view id, std::string_view ns) const {
  // The apps with that id, and the StatefulSets whose pods would have it.
  for (const std::string_view key : {id, without_ordinal(id)}) {
    if (key.empty()) continue;
    auto [from, to] = by_id_.equal_range(std::string(key));
    for (auto it = from; it != to; ++it) {
      const App& a = apps_[it->second];
      if ((a.ordinal ? key != id : key == id) &&
          (ns.empty() || a.object->effective_namespace() == ns) &&
          inventory_.in_one_scope(*a.object, near))
        return true;
    }
  }
  return false;
}

std::string_view component_family(std::string_view type) {
  return type.substr(0, type.find('.'));
}

ComponentCatalog::ComponentCatalog(const Inventory& inventory) : inventory_(inventory) {
  for (const Object* c : inventory.of_kind("Component")) {
    named_[joined(c->effective_namespace(), c->name)].push_back(c);
    std::string_view family = component_family(c->root.get("spec").get("type").text());
    if (family.empty()) continue;
    by_namespace_[joined(family, c->effective_namespace())].push_back(c);
    inventory.place(family_scopes_, joined(family, inventory.presence_scope(*c)), *c);
    by_name_[joined(family, c->name)].push_back(c);
  }
}

bool ComponentCatalog::has_family_near(std::string_view family, const Object& referrer) const {
  return inventory_.near(family_scopes_, joined(family, inventory_.presence_scope(referrer)),
                         referrer);
}

std::vector<std::string> ComponentCatalog::names_in(std::string_view family, std::string_view ns,
                                                    const Object* near) const {
  auto it = by_namespace_.find(joined(family, ns));
  if (it == by_namespace_.end()) return {};
  std::set<std::string> out;
  for (const Object* c : it->second) {
    if (!near || inventory_.in_one_scope(*c, *near)) out.insert(c->name);
  }
  return {out.begin(), out.end()};
}

std::string ComponentCatalog::unresolved(const Object& referrer, std::string_view name,
                                         std::string_view family, std::string_view noun,
                                         std::string_view noun_component) const {
  const std::string ns(referrer.effective_namespace());
  const Object* other_type = nullptr;  // of that name, in the referrer's scope
  if (auto it = named_.find(joined(ns, name)); it != named_.end()) {
    for (const Object* c : it->second) {
      if (component_family(c->root.get("spec").get("type").text()) == family) return "";
      if (!other_type && inventory_.in_one_scope(*c, referrer)) other_type = c;
    }
  }
  if (other_type) {
    std::string_view type = other_type->root.get("spec").get("type").text();
    return "Component " + other_type->name + " is of type " +
           (type.empty() ? "(none)" : std::string(type)) + ", not a " + std::string(noun);
  }
  std::vector<std::string> elsewhere = namespaces_of(family, name, &referrer);
  if (!elsewhere.empty()) {
    return "that " + std::string(noun_component) + " is in namespace " + comma_list(elsewhere) +
           ", not in " + ns;
  }
  if (!has_family_near(family, referrer)) return "";
  return "namespace " + ns + " has no " + std::string(noun_component) + " of that name" +
         did_you_mean(name, names_in(family, ns, &referrer));
}

std::vector<std::string> ComponentCatalog::namespaces_of(std::string_view family,
                                                         std::string_view name,
                                                         const Object* near) const {
  auto it = by_name_.find(joined(family, name));
  if (it == by_name_.end()) return {};
  std::set<std::string> out;
  for (const Object* c : it->second) {
    if (!near || inventory_.in_one_scope(*c, *near))
      out.insert(std::string(c->effective_namespace()));
  }
  return {out.begin(), out.end()};
}

std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 3;  // at most 2 edits
  for (const std::string& c : candidates) {
    const std::size_t gap =
        c.size() > name.size() ? c.size() - name.size() : name.size() - c.size();
    if (gap >= best_distance) continue;  // at least that many edits
    std::size_t d = edit_distance(name, c);
    if (d > 0 && d < best_distance && d * 2 < name.size()) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string comma_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string hint = nearest_name(name, candidates);
  return hint.empty() ? std::string() : " (did you mean '" + hint + "'?)";
}

}  // namespace daprlint
