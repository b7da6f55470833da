// sc-unknown-annotation: the injector ignores `dapr.io/*` pod annotations it does not know, so a
// typo, a Dapr 0.11 name or a key newer than the control plane silently leaves the default in
// place. Which release reads which key comes from rules/facts/annotations.yaml.
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/edit_distance.h"
#include "model/text.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// The rule's params and the keys the latest release reads, built once per run.
struct Catalogue {
  std::string prefix;
  std::set<std::string, std::less<>> chart;                // set by the chart, read by no injector
  std::map<std::string, std::string, std::less<>> legacy;  // 0.11 name -> 1.0 name
  std::vector<std::string> latest;                         // read by the latest release
  std::size_t max_distance = 3;
  double max_ratio = 0.34;

  explicit Catalogue(const RuleParams& params) {
    prefix = std::string(params.get("key_prefix").text());
    if (prefix.empty()) prefix = "dapr.io/";
    for (Node k : params.get("chart_annotations").elements()) chart.emplace(k.text());
    for (const NodeEntry& e : params.get("legacy").entries()) {
      legacy.emplace(e.key.text(), e.value.text());
    }
    const ReleaseFacts& facts = ReleaseFacts::embedded();
    for (const NodeEntry& e : facts.annotations().entries()) {
      if (facts.annotation(e.key.text()) & release_bit(facts.latest()))
        latest.emplace_back(e.key.text());
    }
    if (auto d = params.get("max_distance").text(); !d.empty())
      max_distance = std::strtoul(std::string(d).c_str(), nullptr, 10);
    if (auto r = params.get("max_ratio").text(); !r.empty())
      max_ratio = std::strtod(std::string(r).c_str(), nullptr);
  }

  /// The key the latest release reads nearest to `key`, or empty when none is close enough.
  std::string nearest(std::string_view key) const {
    const std::string name = lower(key.substr(prefix.size()));
    std::string best;
    std::size_t best_distance = 0;
    for (const std::string& k : latest) {
      std::size_t d = edit_distance(name, lower(std::string_view(k).substr(prefix.size())));
      if (best.empty() || d < best_distance) {
        best = k;
        best_distance = d;
      }
    }
    const double limit = max_ratio * static_cast<double>(name.size());
    if (best.empty() || best_distance > max_distance ||
        static_cast<double>(best_distance) > limit) {
      return {};
    }
    return best;
  }
};

}  // namespace

void sc_unknown_annotation(const RunContext& ctx, const Emitter& emit) {
  const Catalogue& catalogue = emit.rule().params.compiled<Catalogue>();
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object& o : ctx.inventory.objects) {
    if (!o.pod_template || o.has_owner()) continue;  // live Pods and ReplicaSets: see the owner
    const std::string subject =
        (o.kind == "Pod" ? "Pod " : "Pod template of " + o.kind + " ") + o.name;
    for (const NodeEntry& e : o.pod_annotations().entries()) {
      std::string_view key = e.key.text();
      if (!key.starts_with(catalogue.prefix) || catalogue.chart.count(key)) continue;
      // Each finding holds for the releases whose injector does not read the key.
      const ReleaseMask known = facts.annotation(key);
      if (facts.covers_every(known)) continue;
      if (auto old = catalogue.legacy.find(key); old != catalogue.legacy.end()) {
        emit.report(o, e.key,
                    subject + " uses " + std::string(key) + ", the Dapr 0.11 name of " +
                        old->second + ", which is ignored since Dapr 1.0; rename it to " +
                        old->second,
                    std::nullopt, ~known);
        continue;
      }
      std::string message = subject + " has annotation " + std::string(key);
      if (known) {
        message += ", which only the sidecar injector of Dapr " + facts.describe(known) +
                   " reads: the release in use ignores it";
      } else {
        message += ", which Dapr does not know and ignores";
        if (std::string suggestion = catalogue.nearest(key); !suggestion.empty())
          message += "; did you mean " + suggestion + "?";
      }
      emit.report(o, e.key, message, std::nullopt, ~known);
    }
  }
}

}  // namespace daprlint
