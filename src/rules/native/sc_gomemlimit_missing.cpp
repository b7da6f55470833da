// sc-gomemlimit-missing: a sidecar memory limit wants a GOMEMLIMIT soft limit below it, written
// in Go's units (G-07, dapr/dapr#6784). A malformed GOMEMLIMIT makes daprd abort at start.
#include <cmath>
#include <cstdlib>

#include "model/quantity.h"
#include "model/sidecar.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

std::string mib(double bytes) {
  return std::to_string(static_cast<long long>(std::floor(bytes / (1 << 20)))) + "MiB";
}

/// Whether dapr.io/env-from-secret (`NAME=secret[:key],...`) sets the variable.
bool from_secret(Node annotations, std::string_view name) {
  for (const EnvVar& e : parse_dapr_env(annotations.get("dapr.io/env-from-secret").text())) {
    if (e.name == name) return true;
  }
  return false;
}

}  // namespace

void sc_gomemlimit_missing(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::string variable(params.get("variable").text());
  const double ratio =
      std::strtod(std::string(params.get("suggested_ratio").text()).c_str(), nullptr);
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node annotations = o.pod_annotations();
    if (from_secret(annotations, variable)) continue;  // value unknown here
    Node env = annotations.get("dapr.io/env");
    std::optional<std::string> soft;  // the last GOMEMLIMIT wins, as in a container's env
    for (const EnvVar& e : parse_dapr_env(env.text())) {
      if (e.name == variable) soft = e.value;
    }
    const std::string object = o.kind + " " + o.name;
    std::optional<std::uint64_t> soft_bytes;
    if (soft && !soft->empty() && *soft != "off") {
      soft_bytes = parse_go_byte_count(*soft);
      if (!soft_bytes) {
        emit.report(o, env,
                    variable + "=" + *soft + " in dapr.io/env of " + object +
                        " is not a Go byte count (B, KiB, MiB, GiB, TiB; not Mi or M): daprd "
                        "aborts at start with \"malformed GOMEMLIMIT\"",
                    Severity::Error);
        continue;
      }
    }
    Node limit = annotations.get("dapr.io/sidecar-memory-limit");
    auto hard = parse_quantity(limit.text());
    // Unset, empty or invalid limits, and limits the injector drops, are other rules' business.
    if (!hard || *hard <= 0 || sidecar_resources_dropped(annotations)) continue;
    const std::string suggestion = variable + "=" + mib(*hard * ratio);
    if (!soft_bytes) {
      emit.report(o, env ? env : limit,
                  "Dapr sidecar of " + object + " has dapr.io/sidecar-memory-limit " +
                      std::string(limit.text()) + " but " +
                      (soft ? variable + "=" + *soft : "no " + variable) +
                      " in dapr.io/env: the Go runtime does not collect garbage harder near the "
                      "limit and daprd is OOM-killed; add " +
                      suggestion);
    } else if (static_cast<double>(*soft_bytes) >= *hard) {
      emit.report(o, env,
                  variable + "=" + *soft + " in dapr.io/env of " + object +
                      " is not below dapr.io/sidecar-memory-limit " + std::string(limit.text()) +
                      ": the soft limit never triggers before the OOM kill; use about " +
                      suggestion);
    }
  }
}

}  // namespace daprlint
