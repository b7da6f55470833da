// cp-crd-version-mismatch: Helm never upgrades crds/ (dapr/docs#1864), so a repository can pair
// a new control plane with the CRDs of an older release. The schemas of every release come from
// rules/facts/crds.yaml: each Dapr CRD of the input is compared with the control plane's
// release, and a CRD that release installs but the input lacks is reported too. Silent without
// a CRD or without a versioned control plane.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "rules/native/input_crd.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

bool strictly_under(std::string_view path, std::string_view base) {
  return path.size() > base.size() && path_under(path, base);
}

/// The release that added a field the control plane's release `cp` has: the oldest of the run
/// of releases up to `cp` that all have it.
std::size_t added_in(ReleaseMask mask, std::size_t cp) {
  while (cp > 0 && (mask & release_bit(cp - 1))) --cp;
  return cp;
}

/// The oldest release the CRD of the input can be from: the newest release that added the CRD,
/// a version or a property it has. Only fields newer than that count as missing, so a CRD
/// trimmed by hand (or in a test) does not report every property it leaves out.
std::size_t floor_release(const Object& crd, Node facts_crd) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::size_t floor = first_release(facts.mask(facts_crd.get("releases").text()));
  for (const InputVersion& input : input_versions(crd)) {
    Node version = facts_crd.get("versions").get(input.name);
    if (!version) continue;
    floor = std::max(floor, first_release(facts.mask(version.get("releases").text())));
    if (!input.schema) continue;
    for (const std::string& path : InputSchema(input.schema).fields) {
      if (Node range = version.get("fields").get(path))
        floor = std::max(floor, first_release(facts.mask(range.text())));
    }
  }
  return floor;
}

struct Missing {
  std::string path;
  std::size_t added = 0;
};

/// `a, b (Dapr 1.17), c and 2 more (Dapr 1.18)`: at most `budget` names, by release.
std::string describe_missing(const std::vector<Missing>& missing, std::size_t budget) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::string out;
  for (std::size_t i = 0; i < missing.size();) {
    std::size_t end = i;
    while (end < missing.size() && missing[end].added == missing[i].added) ++end;
    std::string group;
    std::size_t named = 0;
    for (; i + named < end && named < budget; ++named)
      group += (named ? ", " : "") + missing[i + named].path;
    budget -= named;
    if (const std::size_t more = end - i - named; more)
      group += (named ? " and " : "") + std::to_string(more) + (named ? " more" : " field(s)");
    out += (out.empty() ? "" : ", ") + group + " (Dapr " +
           to_string(facts.releases()[missing[i].added]) + ")";
    i = end;
  }
  return out;
}

/// `a.b` for `a.b.c`, `a.b` for `a.b[]`, '' for `a`.
std::string parent(std::string_view path) {
  const std::size_t cut = path.find_last_of(".[");
  return cut == std::string_view::npos ? std::string() : std::string(path.substr(0, cut));
}

/// Where to report missing paths: the deepest schema node of the input above all of them.
Node location(const InputSchema& schema, const std::vector<Missing>& missing) {
  std::string base = parent(missing.front().path);
  while (!base.empty()) {
    const bool covers = std::all_of(missing.begin(), missing.end(),
                                    [&](const Missing& m) { return strictly_under(m.path, base); });
    if (covers && schema.nodes.count(base)) break;
    base = parent(base);
  }
  Node node = schema.nodes.at(base);
  Node properties = node.get("properties");
  return properties.is_map() ? properties : node;
}

/// The params' hand-written effects of well-known fields among the missing ones (`fields`: the
/// facts' fields of the CRD version, so that a field newer than the control plane does not count).
std::string effects(Node table, std::string_view crd, Node fields, std::size_t cp,
                    const std::vector<Missing>& missing) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::string out;
  for (Node e : table.elements()) {
    if (e.get("crd").text() != crd) continue;
    const auto paths = e.get("paths").elements();
    const bool hit = std::any_of(paths.begin(), paths.end(), [&](Node p) {
      return (facts.mask(fields.get(p.text()).text()) & release_bit(cp)) &&
             std::any_of(missing.begin(), missing.end(),
                         [&](const Missing& m) { return path_under(p.text(), m.path); });
    });
    if (hit) out += "; " + std::string(e.get("effect").text());
  }
  return out;
}

}  // namespace

void cp_crd_version_mismatch(const RunContext& ctx, const Emitter& emit) {
  if (!ctx.inventory.has_kind("CustomResourceDefinition") || !ctx.control_plane) return;
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const Version& version = *ctx.control_plane;
  const std::size_t cp = facts.nearest(Release{version.major, version.minor});
  const std::string runs = "the control plane's release (" + version.text + ")";
  std::size_t budget = 5;
  if (auto n = emit.rule().params.get("max_named").text(); !n.empty())
    budget = std::strtoul(std::string(n).c_str(), nullptr, 10);
  const Object* first = nullptr;  // the first Dapr CRD of the input
  std::set<std::string, std::less<>> present;
  std::size_t input_floor = 0;

  for (const Object* crd : ctx.inventory.of_kind("CustomResourceDefinition")) {
    Node facts_crd = facts.crd(crd->name);
    if (!facts_crd) continue;
    if (!first) first = crd;
    present.insert(crd->name);
    const std::size_t floor = floor_release(*crd, facts_crd);
    input_floor = std::max(input_floor, floor);
    if (floor >= cp) continue;
    const auto inputs = input_versions(*crd);
    for (const NodeEntry& v : facts_crd.get("versions").entries()) {
      const ReleaseMask served = facts.mask(v.value.get("releases").text());
      if (!(served & release_bit(cp)) || facts.at(v.value.get("served"), cp).text() != "true")
        continue;
      auto input = std::find_if(inputs.begin(), inputs.end(),
                                [&](const InputVersion& i) { return i.name == v.key.text(); });
      if (input == inputs.end()) {
        if (served & release_bit(floor)) continue;
        Node spec = crd->root.get("spec");
        emit.report(*crd, spec.get("versions") ? spec.get("versions") : spec,
                    "CustomResourceDefinition " + crd->name + " has no version " +
                        std::string(v.key.text()) + ", which Dapr " +
                        to_string(facts.releases()[added_in(served, cp)]) + " added and " + runs +
                        " serves: objects of that version are rejected");
        continue;
      }
      if (!input->schema.is_map()) continue;  // no schema: the API server keeps every field
      const InputSchema schema(input->schema);
      std::vector<std::string> open_in_facts;
      for (const NodeEntry& o : v.value.get("open").entries()) {
        if (facts.mask(o.value.text()) & release_bit(cp)) open_in_facts.emplace_back(o.key.text());
      }
      std::vector<Missing> missing;
      for (const NodeEntry& f : v.value.get("fields").entries()) {
        const ReleaseMask has = facts.mask(f.value.text());
        const std::string path(f.key.text());
        if (!(has & release_bit(cp)) || (has & release_bit(floor)) || schema.fields.count(path) ||
            schema.lets_through(path) ||
            std::any_of(open_in_facts.begin(), open_in_facts.end(),
                        [&](const auto& o) { return strictly_under(path, o); }))
          continue;
        missing.push_back({path, added_in(has, cp)});
      }
      // Only the top-most: the children of a missing property go with it.
      std::vector<Missing> top;
      for (const Missing& m : missing) {
        if (std::none_of(missing.begin(), missing.end(),
                         [&](const Missing& o) { return strictly_under(m.path, o.path); }))
          top.push_back(m);
      }
      missing = std::move(top);
      if (missing.empty()) continue;
      std::sort(missing.begin(), missing.end(), [](const Missing& a, const Missing& b) {
        return std::tie(a.added, a.path) < std::tie(b.added, b.path);
      });
      emit.report(*crd, location(schema, missing),
                  "CustomResourceDefinition " + crd->name + " (" + std::string(v.key.text()) +
                      ") lacks fields of " + runs + ": " + describe_missing(missing, budget) +
                      "; the API server prunes them from objects, so the control plane never "
                      "sees them, or rejects them under strict field validation" +
                      effects(emit.rule().params.get("effects"), crd->name, v.value.get("fields"),
                              cp, missing));
    }
  }

  // CRDs of the control plane's release that are newer than the input's Dapr CRDs.
  if (!first || input_floor >= cp) return;
  std::string absent;
  for (const NodeEntry& c : facts.crds().entries()) {
    const ReleaseMask has = facts.mask(c.value.get("releases").text());
    if (!(has & release_bit(cp)) || (has & release_bit(input_floor)) || present.count(c.key.text()))
      continue;
    absent += (absent.empty() ? "" : ", ") + std::string(c.key.text()) + " (" +
              std::string(c.value.get("kind").text()) + ", Dapr " +
              to_string(facts.releases()[added_in(has, cp)]) + ")";
  }
  if (absent.empty()) return;
  std::string effect;
  for (const ReleaseEntry& e : by_release(emit.rule().params.get("absent_effects"))) {
    if (e.releases & release_bit(cp)) effect += "; " + std::string(e.entry.get("effect").text());
  }
  emit.report(*first, first->root.get("metadata").get("name"),
              "the input has Dapr CRDs but not " + absent + ", which " + runs +
                  " installs: objects of those kinds cannot be applied" + effect);
}

}  // namespace daprlint
