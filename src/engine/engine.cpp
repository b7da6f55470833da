#include "engine/engine.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <tuple>

#include "engine/parallel.h"
#include "model/version.h"
#include "rules/declarative.h"

namespace daprlint {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

std::string resolve_profile(const std::string& requested,
                            const std::optional<Version>& control_plane) {
  if (requested != "auto") return requested;
  return control_plane ? profile_for(*control_plane) : "current";
}

Reads rule_reads(const Rule& rule) {
  if (rule.engine == Engine::Native) {
    const NativeRule* native = find_native_rule(rule.id);
    return native ? native->reads : Reads::Inventory;
  }
  if (rule.targets.in_control_plane_namespace) return Reads::Inventory;
  for (const Check& check : rule.checks) {
    if (check.message.find("{profile}") != std::string::npos) return Reads::Profile;
  }
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
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file_index, a.line, a.column, a.rule_id, a.message) <
           std::tie(b.file_index, b.line, b.column, b.rule_id, b.message);
  });
}

std::vector<Finding> run_rules(const RuleSet& rules, const Inventory& inventory,
                               const EngineOptions& options, std::string& profile_used,
                               std::vector<Timing>* timings, bool inventory_only) {
  std::optional<Version> control_plane = control_plane_version(inventory);
  RunContext ctx{inventory, resolve_profile(options.profile, control_plane), options.now,
                 control_plane};
  profile_used = ctx.profile;
  std::vector<const Rule*> selected;
  for (const Rule& rule : rules.rules) {
    if (!options.selects(rule.id) || !rule.applies_to_profile(ctx.profile)) continue;
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
