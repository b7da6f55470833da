// cp-resources-below-baseline: control-plane requests below the production table of each
// release's guidelines (params.by_release[].<component>); every finding holds for the releases
// of its table.
#include "model/quantity.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void cp_resources_below_baseline(const RunContext& ctx, const Emitter& emit) {
  const std::vector<ReleaseEntry> tables = by_release(emit.rule().params.get("by_release"));
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object& o : ctx.inventory.objects) {
    if (!o.is_control_plane() || !o.is_workload()) continue;
    Node container = dapr_container(o);
    if (!container) continue;
    for (const ReleaseEntry& table : tables) {
      Node baseline = table.entry.get(component_name(o.component));
      for (const char* resource : {"cpu", "memory"}) {
        Node request = container.get("resources").get("requests").get(resource);
        auto have = parse_quantity(request.text());
        auto want = parse_quantity(baseline.get(resource).text());
        if (!have || !want || *have >= *want) continue;
        emit.report(o, request,
                    std::string(component_name(o.component)) + " container " +
                        std::string(container.get("name").text()) + " requests " +
                        std::string(request.text()) + " " + resource + ", below the " +
                        std::string(baseline.get(resource).text()) +
                        " baseline of the production guidelines of Dapr " +
                        facts.describe(table.releases),
                    std::nullopt, table.releases);
      }
    }
  }
}

}  // namespace daprlint
