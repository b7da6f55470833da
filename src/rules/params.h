#pragma once
// The parameters of a rule (thresholds, tables) and their overrides from .daprlint.yaml.

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <typeinfo>

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
    compiled_ = std::make_shared<Compiled>();
  }

  /// What a native rule builds from its params (compiled patterns, parsed schemas), built by
  /// the first call and shared by every later one: the object phase calls a rule once per
  /// batch, from several threads. T is constructed from these params and must be safe to read
  /// concurrently; each rule uses one T.
  template <typename T>
  const T& compiled() const {
    Compiled& c = *compiled_;
    std::call_once(c.once, [&] {
      c.value = std::make_shared<const T>(*this);
      c.type = &typeid(T);
    });
    if (*c.type != typeid(T)) throw std::logic_error("RuleParams::compiled: another type");
    return *static_cast<const T*>(c.value.get());
  }

 private:
  struct Compiled {
    std::once_flag once;
    std::shared_ptr<const void> value;
    const std::type_info* type = nullptr;
  };
  Node defaults_;
  Node overrides_;
  std::shared_ptr<const Tree> owner_;  // keeps the config's tree alive
  std::shared_ptr<Compiled> compiled_ = std::make_shared<Compiled>();
};

}  // namespace daprlint
