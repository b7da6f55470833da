// sc-resources-below-baseline: sidecar resource annotations below the production table of the
// active guideline edition (params.baselines[profile]: requests, and limits where the edition
// gives them as guidance).
#include <array>

#include "model/quantity.h"
#include "model/sidecar.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Setting {
  const char* kind;      // requests | limits (params keys)
  const char* resource;  // cpu | memory
  const char* annotation;
};

constexpr std::array<Setting, 4> kSettings{{
    {"requests", "cpu", "dapr.io/sidecar-cpu-request"},
    {"requests", "memory", "dapr.io/sidecar-memory-request"},
    {"limits", "cpu", "dapr.io/sidecar-cpu-limit"},
    {"limits", "memory", "dapr.io/sidecar-memory-limit"},
}};

}  // namespace

void sc_resources_below_baseline(const RunContext& ctx, const Emitter& emit) {
  Node table = emit.rule().params.get("baselines").get(ctx.profile);
  if (!table) return;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node annotations = o.pod_annotations();
    if (sidecar_resources_dropped(annotations)) continue;  // sc-resources-invalid
    for (const Setting& s : kSettings) {
      Node baseline = table.get(s.kind).get(s.resource);
      Node value = annotations.get(s.annotation);
      auto have = parse_quantity(value.text());
      auto want = parse_quantity(baseline.text());
      if (!have || !want || *have >= *want) continue;
      emit.report(o, value,
                  std::string(s.annotation) + " " + std::string(value.text()) + " of " + o.kind +
                      " " + o.name + " is below the " + std::string(baseline.text()) + " sidecar " +
                      (std::string(s.kind) == "requests" ? "request" : "limit") + " of the " +
                      ctx.profile + " production guidelines");
    }
  }
}

}  // namespace daprlint
