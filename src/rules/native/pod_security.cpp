#include "rules/native/pod_security.h"

namespace daprlint {

EnforcingNamespaces::EnforcingNamespaces(const Inventory& inventory, const RuleParams& params)
    : inventory_(inventory) {
  const std::string_view label = params.get("label").text();
  const std::string_view level = params.get("level").text();
  for (const Object* ns : inventory.of_kind("Namespace")) {
    if (ns->root.get("metadata").get("labels").get(label).text() == level)
      by_name_.emplace(ns->name, ns);
  }
}

bool EnforcingNamespaces::enforced(const Object& object) const {
  auto [from, to] = by_name_.equal_range(object.effective_namespace());
  for (auto it = from; it != to; ++it) {
    if (inventory_.in_one_scope(*it->second, object)) return true;
  }
  return false;
}

bool allowed_seccomp(const RuleParams& params, std::string_view type) {
  for (Node n : params.get("allowed_types").elements()) {
    if (n.text() == type) return true;
  }
  return false;
}

}  // namespace daprlint
