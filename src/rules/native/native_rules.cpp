// The one explicit list of native rules, sorted by id. No static self-registration.
#include "rules/native/native_rule.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Entry {
  std::string_view id;
  std::unique_ptr<NativeRule> (*make)();
};

template <typename T>
std::unique_ptr<NativeRule> create() {
  return std::make_unique<T>();
}

constexpr Entry kNativeRules[] = {
    {"cl-worker-nodes", create<ClWorkerNodes>},
    {"co-inline-secret", create<CoInlineSecret>},
    {"cp-resources-below-baseline", create<CpResourcesBelowBaseline>},
    {"cp-trust-bundle-expiry", create<CpTrustBundleExpiry>},
    {"cp-version-skew", create<CpVersionSkew>},
};

}  // namespace

std::unique_ptr<NativeRule> make_native_rule(std::string_view id) {
  for (const Entry& e : kNativeRules) {
    if (e.id == id) return e.make();
  }
  return nullptr;
}

std::vector<std::string_view> native_rule_ids() {
  std::vector<std::string_view> ids;
  for (const Entry& e : kNativeRules) ids.push_back(e.id);
  return ids;
}

}  // namespace daprlint
