// cp-resources-below-baseline: control-plane requests below the production table of the
// active guideline edition (params.baselines[profile][component]).
#include "model/quantity.h"
#include "rules/native/rules.h"

namespace daprlint {

void cp_resources_below_baseline(const RunContext& ctx, const Emitter& emit) {
  Node table = emit.rule().params.get("baselines").get(ctx.profile);
  if (!table) return;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.is_control_plane() || !o.is_workload()) continue;
    Node baseline = table.get(component_name(o.component));
    if (!baseline) continue;
    for (Node c : o.pod_template.get("spec").get("containers").elements()) {
      for (const char* resource : {"cpu", "memory"}) {
        Node request = c.get("resources").get("requests").get(resource);
        auto have = parse_quantity(request.text());
        auto want = parse_quantity(baseline.get(resource).text());
        if (!have || !want || *have >= *want) continue;
        emit.report(o, request,
                    std::string(component_name(o.component)) + " container " +
                        std::string(c.get("name").text()) + " requests " +
                        std::string(request.text()) + " " + resource + ", below the " +
                        std::string(baseline.get(resource).text()) + " baseline of the " +
                        ctx.profile + " production guidelines");
      }
    }
  }
}

}  // namespace daprlint
