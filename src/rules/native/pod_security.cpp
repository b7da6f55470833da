#include "rules/native/pod_security.h"

namespace daprlint {

std::set<std::string, std::less<>> enforcing_namespaces(const Inventory& inventory,
                                                        const RuleParams& params) {
  const std::string_view label = params.get("label").text();
  const std::string_view level = params.get("level").text();
  std::set<std::string, std::less<>> out;
  for (const Object* ns : inventory.of_kind("Namespace")) {
    if (ns->root.get("metadata").get("labels").get(label).text() == level) out.insert(ns->name);
  }
  return out;
}

bool allowed_seccomp(const RuleParams& params, std::string_view type) {
  for (Node n : params.get("allowed_types").elements()) {
    if (n.text() == type) return true;
  }
  return false;
}

}  // namespace daprlint
