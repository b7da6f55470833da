#pragma once
// Runs a declarative rule (targets + checks from its YAML) on one object.

#include "model/object.h"
#include "rules/context.h"
#include "rules/rule.h"

namespace daprlint {

/// True when the rule's targets select the object.
bool targets_match(const Rule& rule, const Object& object, const RunContext& ctx);

/// Evaluates every check of the rule on the object (once per for_each element).
void run_declarative(const Rule& rule, const Object& object, const RunContext& ctx,
                     const Emitter& emit);

}  // namespace daprlint
