#include "model/resiliency.h"

namespace daprlint {

namespace {

void add_target(std::vector<ResiliencyTarget>& out, const Object& o, std::string path, Node node) {
  if (!node.is_map()) return;
  ResiliencyTarget t;
  t.object = &o;
  t.path = std::move(path);
  t.node = node;
  t.timeout = node.get("timeout");
  t.retry = node.get("retry");
  t.circuit_breaker = node.get("circuitBreaker");
  out.push_back(std::move(t));
}

}  // namespace

std::vector<ResiliencyTarget> resiliency_targets(const Object& o) {
  std::vector<ResiliencyTarget> out;
  Node targets = o.root.get("spec").get("targets");
  for (const char* section : {"apps", "actors"}) {
    for (const auto& [name, target] : targets.get(section).entries())
      add_target(out, o, std::string(section) + "." + std::string(name.text()), target);
  }
  for (const auto& [name, component] : targets.get("components").entries()) {
    for (const char* side : {"inbound", "outbound"}) {
      add_target(out, o, "components." + std::string(name.text()) + "." + side,
                 component.get(side));
    }
  }
  return out;
}

ResiliencyPolicies::ResiliencyPolicies(const Inventory& inventory) {
  for (const Object* o : inventory.of_kind("Resiliency")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    const std::string ns(o->effective_namespace());
    for (const char* section : {"timeouts", "retries", "circuitBreakers"}) {
      for (const auto& [name, def] : o->root.get("spec").get("policies").get(section).entries()) {
        defs_[{ns, section}][std::string(name.text())].push_back(def);
        names_[{ns, section}].emplace(name.text());
      }
    }
  }
}

bool ResiliencyPolicies::defines(std::string_view ns, std::string_view section,
                                 std::string_view name) const {
  auto it = names_.find({std::string(ns), std::string(section)});
  return it != names_.end() && it->second.count(name) > 0;
}

Node ResiliencyPolicies::find(const Object& object, std::string_view section,
                              std::string_view name) const {
  auto it = defs_.find({std::string(object.effective_namespace()), std::string(section)});
  if (it == defs_.end()) return {};
  auto def = it->second.find(name);
  if (def == it->second.end() || def->second.empty()) return {};
  for (Node n : def->second) {
    if (n.tree() == object.root.tree()) return n;
  }
  return def->second.front();
}

const std::set<std::string, std::less<>>& ResiliencyPolicies::names(
    std::string_view ns, std::string_view section) const {
  static const std::set<std::string, std::less<>> kNone;
  auto it = names_.find({std::string(ns), std::string(section)});
  return it == names_.end() ? kNone : it->second;
}

}  // namespace daprlint
