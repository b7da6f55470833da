#pragma once
// Rules whose logic needs C++: they look across objects, parse certificates or use tables.
// Their metadata (id, severity, texts, params) still lives in rules/<id>.yaml with
// `engine: native`.

#include <string_view>
#include <vector>

#include "rules/context.h"
#include "rules/rule.h"

namespace daprlint {

/// A native rule: inspects the inventory and reports through `emit`, which carries the rule's
/// metadata and params.
using NativeCheck = void (*)(const RunContext& ctx, const Emitter& emit);

/// The implementation for a native rule id, or null when there is none.
NativeCheck find_native_rule(std::string_view id);

/// Every id with a native implementation, sorted.
std::vector<std::string_view> native_rule_ids();

}  // namespace daprlint
