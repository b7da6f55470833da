// co-type-unknown: a Component whose spec.type daprd cannot load: a category the runtime does
// not process (`exporters.zipkin` since 1.0), or a name the release's daprd does not register
// (rules/facts/components.yaml, 1.9 on). A pluggable component can bring its own name in the
// pluggable categories, so there a name is reported only when it is a registered type of other
// releases or a near spelling of one.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/edit_distance.h"
#include "model/text.h"
#include "rules/native/component_catalogue.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

struct Catalogue {
  std::set<std::string, std::less<>> categories;  // first segment of spec.type, case-sensitive
  std::set<std::string, std::less<>> pluggable;
  std::map<std::string, std::string, std::less<>> removed;   // category -> advice
  std::map<std::string, ReleaseMask, std::less<>> also;      // registrations the facts miss
  std::vector<std::pair<std::string, ReleaseMask>> types;    // every registered type
  std::vector<std::string> prefixes;                         // facts categories, longest first
  std::map<std::string, ReleaseMask, std::less<>> versions;  // `type/version` -> releases
  std::string container_annotation;
  ReleaseMask since_1_0 = 0;  // the category check: exporters were a category before 1.0
  std::size_t max_distance = 2;
  double max_ratio = 0.34;

  explicit Catalogue(const RuleParams& params) {
    const ReleaseFacts& facts = ReleaseFacts::embedded();
    for (Node n : params.get("categories").elements()) categories.emplace(n.text());
    for (Node n : params.get("pluggable").elements()) pluggable.emplace(n.text());
    for (const auto& [k, v] : params.get("removed_categories").entries())
      removed.emplace(k.text(), v.text());
    for (const auto& [k, v] : params.get("also_registered").entries())
      also.emplace(lower(k.text()), facts.mask(v.text()));
    for (const auto& [k, v] : facts.component_types().entries())
      types.emplace_back(k.text(), registered(k.text()));
    for (const auto& [type, releases] : also)
      if (!facts.component_type(type)) types.emplace_back(type, releases);
    for (const std::string& c : categories) {
      if (facts.component_category(c)) prefixes.push_back(c);
      if (facts.component_category(c + ".http")) prefixes.push_back(c + ".http");
    }
    std::sort(prefixes.begin(), prefixes.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const auto& [type, by_version] : params.get("registered_versions").entries()) {
      for (const auto& [v, releases] : by_version.entries())
        versions.emplace(std::string(type.text()) + "/" + std::string(v.text()),
                         facts.mask(releases.text()));
    }
    container_annotation = std::string(params.get("pluggable_annotation").text());
    since_1_0 = facts.mask(">=1.0");
    if (auto d = params.get("max_distance").text(); !d.empty())
      max_distance = std::strtoul(std::string(d).c_str(), nullptr, 10);
    if (auto r = params.get("max_ratio").text(); !r.empty())
      max_ratio = std::strtod(std::string(r).c_str(), nullptr);
  }

  ReleaseMask registered(std::string_view type) const {
    ReleaseMask m = ReleaseFacts::embedded().component_type(type);
    if (auto it = also.find(type); it != also.end()) m |= it->second;
    return m;
  }

  /// The registry prefix of a lower-case type (`middleware.http`), or empty.
  std::string prefix_of(std::string_view type) const {
    for (const std::string& p : prefixes) {
      if (type.size() > p.size() + 1 && type.starts_with(p) && type[p.size()] == '.') return p;
    }
    return {};
  }

  /// The registered type of `releases` nearest to `type`, or empty when none is close: the
  /// distance is measured against the name after the category, so short names need a close
  /// match.
  std::string nearest(std::string_view type, std::size_t name_length, ReleaseMask releases) const {
    std::vector<std::string_view> candidates;
    for (const auto& [candidate, mask] : types) {
      if (mask & releases) candidates.push_back(candidate);
    }
    auto i = nearest_index(type, candidates, {max_distance, max_ratio}, name_length);
    return i ? std::string(candidates[*i]) : std::string();
  }

  /// A category of the runtime written in another case or with a letter off.
  std::string nearest_category(std::string_view category) const {
    for (const std::string& c : categories) {
      if (lower(c) == lower(category) || edit_distance(lower(category), c) <= 1) return c;
    }
    return {};
  }
};

std::string join(const std::set<std::string, std::less<>>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// A registered type with a version that daprd does not register: the versions are those of
/// components-contrib's metadata.yaml files (1.16 on) and the params' registered_versions. daprd
/// takes an empty version, v0 and v1 as the initial one (pkg/components IsInitialVersion).
void check_version(const Catalogue& cat, const Object& o, const std::string& type,
                   ReleaseMask registered, const std::string& fails, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  Node at = o.root.get("spec").get("version");
  const std::string version = lower(at.text());
  if (version.empty() || version == "v0" || version == "v1" || templated(version)) return;
  const std::string resolved = catalogue_type(type);
  if (resolved.empty()) return;
  ReleaseMask described = 0;  // releases whose catalogue has the type
  ReleaseMask has = 0;        // ... and this version of it
  std::vector<std::string> versions;
  for (const auto& [v, entry] : facts.component_versions(resolved).entries()) {
    const ReleaseMask releases = facts.mask(entry.get("releases").text());
    described |= releases;
    if (v.text() == version) has |= releases;
    versions.emplace_back(v.text());
  }
  if (auto extra = cat.versions.find(resolved + "/" + version); extra != cat.versions.end())
    has |= extra->second;
  const ReleaseMask missing = described & registered & ~has;
  if (!missing) return;
  std::string known;
  for (const std::string& v : versions) known += (known.empty() ? "" : ", ") + v;
  emit.report(o, at,
              "Component " + o.name + " has version '" + std::string(at.text()) + "' of " + type +
                  ", which daprd of Dapr " + facts.describe(missing) +
                  " does not register (it has " + known + ")" + fails,
              std::nullopt, missing);
}

}  // namespace

void co_type_unknown(const RunContext& ctx, const Emitter& emit) {
  const Catalogue& cat = emit.rule().params.compiled<Catalogue>();
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    Node at = o->root.get("spec").get("type");
    const std::string_view type = at.text();
    if (!at.is_scalar() || type.empty() || templated(type)) continue;
    const std::string who = "Component " + o->name + " has type '" + std::string(type) + "'";
    const std::string fails =
        is_truthy(o->root.get("spec").get("ignoreErrors").text())
            ? ", so daprd cannot initialise it and runs without it (ignoreErrors)"
            : ", so daprd cannot initialise it and the sidecar fails to start";

    // The runtime picks the category by the case-sensitive prefix before the first dot.
    const std::size_t dot = type.find('.');
    const std::string category(type.substr(0, dot));
    if (dot == std::string_view::npos || !cat.categories.count(category)) {
      std::string message = who +
                            (dot == std::string_view::npos
                                 ? ", which names no component category ("
                                 : ": '" + category + "' is not a Dapr component category (") +
                            join(cat.categories) + ")" + fails;
      if (auto r = cat.removed.find(category); r != cat.removed.end()) {
        message += "; " + r->second;
      } else if (std::string c = cat.nearest_category(category);
                 !c.empty() && dot != std::string_view::npos) {
        message += "; did you mean " + c + std::string(type.substr(dot)) + "?";
      }
      emit.report(*o, at, message, std::nullopt, cat.since_1_0);
      continue;
    }

    // The name, where the release's registrations are known. daprd lower-cases the type.
    const std::string lowered = lower(type);
    const std::string prefix = cat.prefix_of(lowered);
    if (prefix.empty()) continue;
    const ReleaseMask registered = cat.registered(lowered);
    const ReleaseMask missing =
        facts.components_known() & facts.component_category(prefix) & ~registered;
    if (!missing) {
      check_version(cat, *o, lowered, registered, fails, emit);
      continue;
    }
    const std::size_t name_length = lowered.size() - prefix.size() - 1;
    const std::string suggestion = cat.nearest(lowered, name_length, missing);
    const bool pluggable = cat.pluggable.count(category) > 0;
    if (pluggable && o->root.get("metadata").get("annotations").get(cat.container_annotation))
      continue;  // a pluggable component injected by the sidecar injector
    if (pluggable && !registered && suggestion.empty())
      continue;  // a pluggable component's own name
    std::string message =
        who + ", which daprd of Dapr " + facts.describe(missing) + " does not register";
    if (registered & facts.components_known())
      message += " (Dapr " + facts.describe(registered & facts.components_known()) + " does)";
    message += fails;
    if (!suggestion.empty()) message += "; did you mean " + suggestion + "?";
    emit.report(*o, at, message, std::nullopt, missing);
  }
}

}  // namespace daprlint
