// cp-placement-timeouts: the placement keepalive and dissemination timeouts should stay in the
// ranges of the production guidelines (G-24): 1s-10s for the keepalives, 1s-3s for
// dissemination. The ranges and their explanations are the rule's params.
#include <string>

#include "model/args.h"
#include "model/duration.h"
#include "rules/declarative.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Range {
  std::string flag;
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::string min_text, max_text, default_text, too_low, too_high;
};

std::vector<Range> read_ranges(const RuleParams& params) {
  std::vector<Range> out;
  for (const NodeEntry& e : params.get("flags").entries()) {
    auto min = parse_go_duration_ns(e.value.get("min").text());
    auto max = parse_go_duration_ns(e.value.get("max").text());
    if (!min || !max) continue;
    out.push_back(
        {std::string(e.key.text()), *min, *max, std::string(e.value.get("min").text()),
         std::string(e.value.get("max").text()), std::string(e.value.get("default").text()),
         std::string(e.value.get("too_low").text()), std::string(e.value.get("too_high").text())});
  }
  return out;
}

}  // namespace

void cp_placement_timeouts(const RunContext& ctx, const Emitter& emit) {
  const std::vector<Range> ranges = read_ranges(emit.rule().params);
  for (const Object& o : ctx.inventory.objects) {
    if (!targets_match(emit.rule(), o, ctx)) continue;
    for (Node container : o.pod_template.get("spec").get("containers").elements()) {
      const std::string name(container.get("name").text());
      for (const Range& r : ranges) {
        FlagUse use = last_flag(container, r.flag);
        if (!use.value) continue;  // absent, or a trailing flag without value
        const std::string shown = "--" + r.flag + "=" + std::string(use.text);
        const std::string range = r.min_text + "-" + r.max_text;
        auto value = parse_go_duration_ns(use.text);
        if (!value) {
          emit.report(o, use.value,
                      "placement container " + name + " sets " + shown +
                          ", which is not a Go duration such as " + r.default_text +
                          ": the placement service does not start");
        } else if (*value < r.min || *value > r.max) {
          emit.report(o, use.value,
                      "placement container " + name + " sets " + shown + ", outside the " + range +
                          " range" + " of the production guidelines (chart default " +
                          r.default_text + "): " + (*value < r.min ? r.too_low : r.too_high));
        }
      }
    }
  }
}

}  // namespace daprlint
