// cp-placement-timeouts: the placement keepalive and dissemination timeouts should stay in the
// ranges of the production guidelines of the release in use (G-24, from 1.15; params.by_release).
// 1.17 made --disseminate-timeout the deadline of a dissemination round (default 8s, no range):
// from then on only a value that is no duration is reported. Defaults come from the release
// facts (each release's placement flags).
#include <string>
#include <vector>

#include "model/args.h"
#include "model/duration.h"
#include "rules/declarative.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

struct Range {
  std::string flag;
  std::optional<std::int64_t> min, max;  // absent: no range in that release's guidance
  std::string min_text, max_text;
};

struct Entry {
  ReleaseMask releases = 0;
  std::vector<Range> ranges;
};

std::vector<Entry> read_entries(const RuleParams& params) {
  std::vector<Entry> out;
  for (const ReleaseEntry& e : by_release(params.get("by_release"))) {
    Entry entry{e.releases, {}};
    for (const NodeEntry& flag : e.entry.get("flags").entries()) {
      Node min = flag.value.get("min"), max = flag.value.get("max");
      entry.ranges.push_back({std::string(flag.key.text()), parse_go_duration_ns(min.text()),
                              parse_go_duration_ns(max.text()), std::string(min.text()),
                              std::string(max.text())});
    }
    out.push_back(std::move(entry));
  }
  return out;
}

/// The placement binary's default for `flag` in the first release of `releases`.
std::string default_of(const std::string& flag, ReleaseMask releases) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (std::size_t i = 0; i < facts.releases().size(); ++i) {
    if (releases & release_bit(i))
      return std::string(facts.at(facts.flag("placement", flag).get("default"), i).text());
  }
  return {};
}

}  // namespace

void cp_placement_timeouts(const RunContext& ctx, const Emitter& emit) {
  const std::vector<Entry> entries = read_entries(emit.rule().params);
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  Node why = emit.rule().params.get("effects");
  for (const Object& o : ctx.inventory.objects) {
    if (!targets_match(emit.rule(), o, ctx)) continue;
    Node container = dapr_container(o);
    const std::string name(container.get("name").text());
    for (const Entry& e : entries) {
      for (const Range& r : e.ranges) {
        FlagUse use = last_flag(container, r.flag);
        if (!use.value) continue;  // absent, or a trailing flag without value
        const std::string shown = "--" + r.flag + "=" + std::string(use.text);
        const std::string fallback = default_of(r.flag, e.releases);
        auto value = parse_go_duration_ns(use.text);
        if (!value) {
          emit.report(o, use.value,
                      "placement container " + name + " sets " + shown +
                          ", which is not a Go duration such as " + fallback +
                          ": the placement service does not start",
                      std::nullopt, e.releases);
        } else if (r.min && r.max && (*value < *r.min || *value > *r.max)) {
          Node effect = why.get(r.flag).get(*value < *r.min ? "too_low" : "too_high");
          emit.report(o, use.value,
                      "placement container " + name + " sets " + shown + ", outside the " +
                          r.min_text + "-" + r.max_text +
                          " range of the production guidelines of Dapr " +
                          facts.describe(e.releases) + " (default " + fallback +
                          "): " + std::string(effect.text()),
                      std::nullopt, e.releases);
        }
      }
    }
  }
}

}  // namespace daprlint
