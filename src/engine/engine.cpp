#include "engine/engine.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <numeric>
#include <tuple>

#include "engine/parallel.h"
#include "model/version.h"
#include "rules/declarative.h"
#include "rules/release_facts.h"

namespace daprlint {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

std::string RunRelease::release() const {
  return to_string(ReleaseFacts::embedded().releases()[index]);
}

std::string RunRelease::describe() const {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::string out = "Dapr " + release() + " guidance, ";
  if (source.empty()) return out + "the latest (no Dapr release found in the input)";
  // A line (`1.16.x`, `>=1.15 <1.17`) was mapped to a known release; only a release outside
  // the facts is worth a word.
  auto found = parse_release(version);
  if (found && *found > facts.releases().back())
    return out + "the latest known, for " + source + " " + version;
  if (found && *found < facts.releases().front())
    return out + "the oldest known, for " + source + " " + version;
  return out + "from " + source + " " + version;
}

std::string profile_release(const std::string& profile) {
  if (profile == "dapr-0.11") return "0.11";
  if (profile == "dapr-1.0") return "1.11";
  if (profile == "current") return "latest";
  return profile;
}

bool valid_dapr_version(std::string_view requested) {
  return requested == "auto" || requested == "latest" || parse_release(requested).has_value();
}

RunRelease resolve_release(const std::string& requested, const Inventory& inventory) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  RunRelease r;
  r.index = facts.latest();
  if (requested == "auto") {
    if (auto found = input_version(inventory)) {
      r.version = found->version.text;
      r.source = found->source;
      r.index = facts.nearest(Release{found->version.major, found->version.minor});
    }
  } else if (auto given = parse_release(requested)) {
    r.version = requested;
    r.source = "--dapr-version";
    r.index = facts.nearest(*given);
  }
  return r;
}

Reads rule_reads(const Rule& rule) {
  if (rule.engine == Engine::Native) {
    const NativeRule* native = find_native_rule(rule.id);
    return native ? native->reads : Reads::Inventory;
  }
  if (rule.targets.in_control_plane_namespace) return Reads::Inventory;
  return Reads::Object;
}

std::vector<std::string> unimplemented_native_rules(const RuleSet& rules) {
  std::vector<std::string> out;
  for (const Rule& r : rules.rules) {
    if (r.engine == Engine::Native && !find_native_rule(r.id)) out.push_back(r.id);
  }
  return out;
}

void sort_findings(std::vector<Finding>& findings) {
  // Sorts positions, then moves each finding once: swapping the findings themselves (over 300
  // bytes each) was most of the sort of a big audit. Ties keep their order.
  std::vector<std::uint32_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
    const Finding &a = findings[i], &b = findings[j];
    return std::tie(a.file_index, a.line, a.column, a.rule_id, a.message) <
           std::tie(b.file_index, b.line, b.column, b.rule_id, b.message);
  });
  // Position k takes the finding at order[k]: follow each cycle of the permutation once.
  for (std::uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Finding held = std::move(findings[start]);
    std::uint32_t at = start;
    while (order[at] != start) {
      const std::uint32_t from = order[at];
      findings[at] = std::move(findings[from]);
      order[at] = at;
      at = from;
    }
    findings[at] = std::move(held);
    order[at] = at;
  }
}

std::vector<Finding> run_rules(const RuleSet& rules, const Inventory& inventory,
                               const EngineOptions& options, const RunRelease& release,
                               std::vector<Timing>* timings, bool inventory_only) {
  RunContext ctx{inventory, options.now, release.index, control_plane_version(inventory)};
  std::vector<const Rule*> selected;
  for (const Rule& rule : rules.rules) {
    if (!options.selects(rule.id) || !rule.applies_to(release.index)) continue;
    if (inventory_only && rule_reads(rule) != Reads::Inventory) continue;
    selected.push_back(&rule);
  }
  // Rules only read the inventory, so they run in parallel; each fills its own slot and the
  // slots are joined in rule order, so the result never depends on the threads.
  std::vector<std::vector<Finding>> per_rule(selected.size());
  std::vector<double> elapsed(selected.size());
  parallel_for(selected.size(), options.jobs, [&](std::size_t i) {
    const Rule& rule = *selected[i];
    Emitter emit(rule, per_rule[i]);
    auto start = std::chrono::steady_clock::now();
    if (rule.engine == Engine::Native) {
      if (const NativeRule* native = find_native_rule(rule.id)) native->check(ctx, emit);
    } else if (rule.engine == Engine::Declarative) {
      for (const Object& o : inventory.objects) run_declarative(rule, o, ctx, emit);
    }
    elapsed[i] = milliseconds_since(start);
  });
  std::vector<Finding> findings;
  std::size_t total = 0;
  for (const auto& f : per_rule) total += f.size();
  findings.reserve(total);
  for (std::size_t i = 0; i < selected.size(); ++i) {
    std::move(per_rule[i].begin(), per_rule[i].end(), std::back_inserter(findings));
    std::vector<Finding>().swap(per_rule[i]);
    bool runs = selected[i]->engine == Engine::Native || selected[i]->engine == Engine::Declarative;
    if (timings && runs) timings->push_back({selected[i]->id, elapsed[i]});
  }
  return findings;
}

}  // namespace daprlint
