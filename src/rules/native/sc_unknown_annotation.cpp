// sc-unknown-annotation: the injector ignores `dapr.io/*` pod annotations it does not know, so a
// typo or a Dapr 0.11 name silently leaves the default in place.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "model/edit_distance.h"
#include "model/text.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// The rule's params, read once per run.
struct Catalogue {
  std::string prefix;
  std::set<std::string, std::less<>> known;
  std::map<std::string, std::string, std::less<>> legacy;  // 0.11 name -> 1.0 name
  std::string legacy_profile;
  std::size_t max_distance = 3;
  double max_ratio = 0.34;

  explicit Catalogue(const RuleParams& params) {
    prefix = std::string(params.get("key_prefix").text());
    if (prefix.empty()) prefix = "dapr.io/";
    for (Node k : params.get("known").elements()) known.emplace(k.text());
    for (const NodeEntry& e : params.get("legacy").entries()) {
      legacy.emplace(e.key.text(), e.value.text());
    }
    legacy_profile = std::string(params.get("legacy_profile").text());
    if (auto d = params.get("max_distance").text(); !d.empty())
      max_distance = std::strtoul(std::string(d).c_str(), nullptr, 10);
    if (auto r = params.get("max_ratio").text(); !r.empty())
      max_ratio = std::strtod(std::string(r).c_str(), nullptr);
  }

  /// The known name nearest to `key`, or empty when none is close enough.
  std::string nearest(std::string_view key) const {
    const std::string name = lower(key.substr(prefix.size()));
    std::string best;
    std::size_t best_distance = 0;
    for (const std::string& k : known) {
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
  const bool legacy_profile = ctx.profile == catalogue.legacy_profile;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.pod_template || o.has_owner()) continue;  // live Pods and ReplicaSets: see the owner
    const std::string subject =
        (o.kind == "Pod" ? "Pod " : "Pod template of " + o.kind + " ") + o.name;
    for (const NodeEntry& e : o.pod_annotations().entries()) {
      std::string_view key = e.key.text();
      if (!key.starts_with(catalogue.prefix)) continue;
      if (auto old = catalogue.legacy.find(key); old != catalogue.legacy.end()) {
        // Valid under the 0.11 profile, where the 1.0 names are accepted too (they are in
        // `known`): `--profile dapr-0.11` may be forced on a partly upgraded repository.
        if (legacy_profile) continue;
        emit.report(o, e.key,
                    subject + " uses " + std::string(key) + ", the Dapr 0.11 name of " +
                        old->second + ", which is ignored since Dapr 1.0; rename it to " +
                        old->second);
        continue;
      }
      if (catalogue.known.count(key)) continue;
      std::string message = subject + " has annotation " + std::string(key) +
                            ", which Dapr does not know and ignores";
      if (std::string suggestion = catalogue.nearest(key); !suggestion.empty()) {
        message += "; did you mean " + suggestion + "?";
      }
      emit.report(o, e.key, message);
    }
  }
}

}  // namespace daprlint
