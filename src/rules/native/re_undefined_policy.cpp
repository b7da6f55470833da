// re-undefined-policy: a Resiliency target names a timeout, retry or circuit-breaker policy that no
// Resiliency of its namespace defines. daprd looks the names up when a call is made and finds
// nothing, so the target silently runs without that policy (pkg/resiliency in dapr/dapr).
#include <re2/re2.h>

#include <set>
#include <string>

#include "model/resiliency.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Reference {
  const char* field;    // as written in the target
  const char* section;  // spec.policies.<section>
  const char* what;     // for messages
};

constexpr Reference kReferences[] = {
    {"timeout", "timeouts", "timeout"},
    {"retry", "retries", "retry"},
    {"circuitBreaker", "circuitBreakers", "circuit breaker"},
};

}  // namespace

void re_undefined_policy(const RunContext& ctx, const Emitter& emit) {
  const ResiliencyPolicies policies(ctx.inventory);
  const RuleParams& params = emit.rule().params;
  std::set<std::string, std::less<>> builtin;
  for (const auto& [section, names] : params.get("builtin_policies").entries()) {
    for (Node n : names.elements())
      builtin.insert(std::string(section.text()) + "/" + std::string(n.text()));
  }
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 duration(std::string(params.get("duration_pattern").text()), options);

  for (const Object* o : ctx.inventory.of_kind("Resiliency")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    const std::string_view ns = o->effective_namespace();
    for (const ResiliencyTarget& t : resiliency_targets(*o)) {
      for (const Reference& ref : kReferences) {
        Node name = t.node.get(ref.field);
        if (!name.is_scalar() || name.text().empty()) continue;
        if (policies.defines(ns, ref.section, name.text())) continue;
        if (builtin.count(std::string(ref.section) + "/" + std::string(name.text()))) continue;
        std::string message = "Resiliency " + o->name + " target " + t.path + " uses " + ref.what +
                              " policy '" + std::string(name.text()) +
                              "', which no Resiliency in namespace " + std::string(ns) +
                              " defines in spec.policies." + ref.section;
        if (std::string_view(ref.field) == "timeout" && duration.ok() &&
            RE2::FullMatch(name.text(), duration)) {
          message +=
              ": targets take the name of a timeout policy, not a duration, so no timeout applies";
        } else {
          message += ", so the sidecar applies no " + std::string(ref.what) + " there";
        }
        emit.report(*o, name, message);
      }
    }
  }
}

}  // namespace daprlint
