#pragma once
// Rules whose logic needs C++: they look across objects or parse certificates. Their metadata
// (id, severity, texts, params) still lives in rules/<id>.yaml with `engine: native`.

#include <memory>
#include <string_view>
#include <vector>

#include "rules/context.h"
#include "rules/rule.h"

namespace daprlint {

class NativeRule {
 public:
  virtual ~NativeRule() = default;
  /// Inspects the inventory and reports through `emit`, which carries the rule's metadata.
  virtual void run(const RunContext& ctx, const Emitter& emit) const = 0;
};

/// The implementation for a native rule id, or null when there is none.
std::unique_ptr<NativeRule> make_native_rule(std::string_view id);

/// Every id with a native implementation, sorted.
std::vector<std::string_view> native_rule_ids();

}  // namespace daprlint
