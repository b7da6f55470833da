// re-unbounded-retry: a target retries with a constant back-off and no retry limit (maxRetries -1,
// the default) and has no circuit breaker: a failing app or component is called again every
// `duration`, forever, for every request. The exponential policy is bounded by its default
// 15-minute maximum elapsed time and is not reported.
#include <cctype>
#include <charconv>
#include <set>

#include "model/resiliency.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

/// Retries forever: a constant policy (the default) whose maxRetries is absent or negative.
bool unbounded(Node retry) {
  if (!retry.is_map()) return false;
  Node policy = retry.get("policy");
  if (policy.is_scalar() && !policy.text().empty() && !iequals(policy.text(), "constant"))
    return false;
  Node max = retry.get("maxRetries");
  if (!max || max.is_null()) return true;
  std::string_view text = max.text();
  long long n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc() && end == text.data() + text.size() && n < 0;
}

}  // namespace

void re_unbounded_retry(const RunContext& ctx, const Emitter& emit) {
  const ResiliencyPolicies policies(ctx.inventory);
  std::set<std::string, std::less<>> builtin;
  for (Node n : emit.rule().params.get("builtin_retries").elements()) builtin.emplace(n.text());

  for (const Object* o : ctx.inventory.of_kind("Resiliency")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    for (const ResiliencyTarget& t : resiliency_targets(*o)) {
      if (!t.retry.is_scalar() || t.retry.text().empty() || builtin.count(t.retry.text())) continue;
      if (t.circuit_breaker.is_scalar() && !t.circuit_breaker.text().empty()) continue;
      Node def = policies.find(*o, "retries", t.retry.text());
      if (!unbounded(def)) continue;
      Node duration = def.get("duration");
      const std::string every =
          duration.is_scalar() && !duration.text().empty() ? std::string(duration.text()) : "5s";
      emit.report(*o, t.retry,
                  "Resiliency " + o->name + " target " + t.path + " retries with policy '" +
                      std::string(t.retry.text()) + "' every " + every +
                      " without limit (constant back-off, maxRetries -1 or unset) and has no "
                      "circuitBreaker, so calls to a failing target are repeated forever");
    }
  }
}

}  // namespace daprlint
