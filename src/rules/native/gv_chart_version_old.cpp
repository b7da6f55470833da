// gv-chart-version-old: a GitOps install of the Dapr chart pinned below the supported releases
// (Dapr supports the current minor release and the two before it).
#include <string>

#include "model/chart_version.h"
#include "rules/native/rules.h"

namespace daprlint {

void gv_chart_version_old(const RunContext& ctx, const Emitter& emit) {
  auto minimum = parse_release_line(emit.rule().params.get("minimum_supported").text());
  if (!minimum) return;
  for (std::string_view kind : {"HelmRelease", "Application", "HelmValues"}) {
    for (const Object* o : ctx.inventory.of_kind(kind)) {
      if (!o->dapr_chart || !o->chart_version.is_scalar()) continue;  // no version: the latest
      auto newest = newest_release_line(o->chart_version.text());
      if (!newest || *newest >= *minimum) continue;  // open-ended, not a version, or supported
      std::string pinned(o->chart_version.text());
      // A plain release (`1.14.4`) or a constraint (`1.14.x`, `>=1.14.0 <1.15.0`).
      const bool exact = pinned.find_first_not_of("v0123456789.") == std::string::npos;
      emit.report(*o, o->chart_version,
                  o->kind + " " + o->name + " pins the Dapr chart to " + pinned +
                      (exact ? "" : ", which admits nothing newer than " + to_string(*newest)) +
                      ", older than the supported releases (" + to_string(*minimum) +
                      " and later): it gets no security or bug fixes");
    }
  }
}

}  // namespace daprlint
