#pragma once
// What the Pod Security "restricted" rules share: the namespaces of the input that enforce the
// level (params `label`, `level`) and the seccomp profile types it accepts (`allowed_types`).

#include <set>
#include <string>
#include <string_view>

#include "model/inventory.h"
#include "rules/params.h"

namespace daprlint {

/// The names of the Namespace objects whose `label` is `level`.
std::set<std::string, std::less<>> enforcing_namespaces(const Inventory& inventory,
                                                        const RuleParams& params);

/// Whether `type` is a seccomp profile type the level accepts.
bool allowed_seccomp(const RuleParams& params, std::string_view type);

}  // namespace daprlint
