#include "engine/object_phase.h"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "engine/trim.h"
#include "rules/declarative.h"

namespace daprlint {

void keep_release(std::vector<Finding>& findings, std::size_t release, std::size_t from) {
  const ReleaseMask bit = release_bit(release);
  findings.erase(
      std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(from), findings.end(),
                     [bit](const Finding& f) { return (f.releases & bit) == 0; }),
      findings.end());
}

ObjectPhase::ObjectPhase(const RuleSet& rules, const EngineOptions& options)
    : now_(options.now), timings_(options.timings) {
  if (options.dapr_version != "auto") release_ = resolve_release(options.dapr_version, {}).index;
  for (const Rule& rule : rules.rules) {
    const bool runs = rule.engine == Engine::Native || rule.engine == Engine::Declarative;
    if (runs && options.selects(rule.id) && rule_reads(rule) == Reads::Object && rule.releases)
      rules_.push_back(&rule);
  }
  elapsed_ = std::make_unique<std::atomic<double>[]>(rules_.size());
}

void ObjectPhase::check(std::span<Object> batch, std::vector<Finding>& out) const {
  // Native rules walk an inventory: lend them one made of the batch.
  Inventory inventory;
  inventory.objects.assign(std::make_move_iterator(batch.begin()),
                           std::make_move_iterator(batch.end()));
  inventory.index();
  // Unless given, the release is not known yet: each finding carries the releases it holds for.
  RunContext ctx{inventory, now_, release_, std::nullopt};
  const std::size_t first = out.size();
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const Rule& rule = *rules_[i];
    const std::chrono::steady_clock::time_point start =
        timings_ ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    Emitter emit(rule, out);
    if (rule.engine == Engine::Native) {
      if (const NativeRule* native = find_native_rule(rule.id)) native->check(ctx, emit);
    } else {
      for (const Object& o : inventory.objects) run_declarative(rule, o, ctx, emit);
    }
    if (timings_) elapsed_[i].fetch_add(milliseconds_since(start));
  }
  if (release_) keep_release(out, *release_, first);
  std::move(inventory.objects.begin(), inventory.objects.end(), batch.begin());
  for (Object& o : batch) trim(o);
}

std::vector<Timing> ObjectPhase::timings() const {
  std::vector<Timing> out;
  for (std::size_t i = 0; i < rules_.size(); ++i)
    out.push_back({rules_[i]->id, elapsed_[i].load()});
  return out;
}

}  // namespace daprlint
