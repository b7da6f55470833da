// sc-resources-below-baseline: sidecar resource annotations below the production guidance of
// each release (params.by_release[]: requests, and limits where that guidance gives them as a
// floor); every finding holds for the releases of its entry.
#include <array>

#include "model/quantity.h"
#include "model/sidecar.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

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
  const std::vector<ReleaseEntry> tables = by_release(emit.rule().params.get("by_release"));
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node annotations = o.pod_annotations();
    if (sidecar_resources_dropped(annotations)) continue;  // sc-resources-invalid
    for (const ReleaseEntry& table : tables) {
      for (const Setting& s : kSettings) {
        Node baseline = table.entry.get(s.kind).get(s.resource);
        Node value = annotations.get(s.annotation);
        auto have = parse_quantity(value.text());
        auto want = parse_quantity(baseline.text());
        if (!have || !want || *have >= *want) continue;
        emit.report(o, value,
                    std::string(s.annotation) + " " + std::string(value.text()) + " of " + o.kind +
                        " " + o.name + " is below the " + std::string(baseline.text()) +
                        " sidecar " + (std::string(s.kind) == "requests" ? "request" : "limit") +
                        " of the production guidelines of Dapr " + facts.describe(table.releases),
                    std::nullopt, table.releases);
      }
    }
  }
}

}  // namespace daprlint
