#pragma once
// The parameters of a rule (thresholds, tables) and their overrides from .daprlint.yaml.

#include <memory>
#include <string_view>

#include "model/tree.h"

namespace daprlint {

/// A rule's `params`: the rule file's defaults, each top-level key replaceable as a whole by the
/// `params` of the rule in .daprlint.yaml.
class RuleParams {
 public:
  RuleParams() = default;
  explicit RuleParams(Node defaults) : defaults_(defaults) {}

  /// The configured value of `key`, else the rule file's.
  Node get(std::string_view key) const {
    if (Node n = overrides_.get(key)) return n;
    return defaults_.get(key);
  }
  Node defaults() const { return defaults_; }
  void set_overrides(Node overrides, std::shared_ptr<const Tree> owner) {
    overrides_ = overrides;
    owner_ = std::move(owner);
  }

 private:
  Node defaults_;
  Node overrides_;
  std::shared_ptr<const Tree> owner_;  // keeps the config's tree alive
};

}  // namespace daprlint
