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

/// What a rule's findings about an object depend on besides the object and the rule's params.
/// The engine runs Object rules on each object as soon as it is loaded (the RunContext then
/// holds a batch of objects, and neither the run's release nor the control plane's version:
/// findings that depend on the release carry the releases they hold for); Inventory rules run
/// once every object is loaded, on objects trimmed to what they read (engine/trim.cpp).
enum class Reads {
  Object,     // the object alone (and the clock)
  Inventory,  // other objects, the run's release, the control plane's version or namespace
};

struct NativeRule {
  std::string_view id;
  NativeCheck check;
  Reads reads;
};

/// The implementation for a native rule id, or null when there is none.
const NativeRule* find_native_rule(std::string_view id);

/// Every id with a native implementation, sorted.
std::vector<std::string_view> native_rule_ids();

}  // namespace daprlint
