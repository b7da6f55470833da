#include "engine/object_phase.h"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "engine/trim.h"
#include "rules/declarative.h"

namespace daprlint {
namespace {

constexpr const char* kProfiles[] = {"dapr-0.11", "dapr-1.0", "current"};

/// Runs one rule on the batch under `profile`.
void run(const Rule& rule, const Inventory& batch, const std::string& profile, std::time_t now,
         std::vector<Finding>& out) {
  RunContext ctx{batch, profile, now, std::nullopt};
  Emitter emit(rule, out);
  if (rule.engine == Engine::Native) {
    if (const NativeRule* native = find_native_rule(rule.id)) native->check(ctx, emit);
  } else {
    for (const Object& o : batch.objects) run_declarative(rule, o, ctx, emit);
  }
}

}  // namespace

std::uint8_t profile_bit(const std::string& profile) {
  for (std::size_t i = 0; i < std::size(kProfiles); ++i) {
    if (profile == kProfiles[i]) return static_cast<std::uint8_t>(1u << i);
  }
  return 0;
}

void keep_profile(std::vector<Finding>& findings, const std::string& profile) {
  const std::uint8_t bit = profile_bit(profile);
  if (bit == 0) return;  // not a profile the object phase speculated on
  std::erase_if(findings, [bit](const Finding& f) { return (f.profiles & bit) == 0; });
}

ObjectPhase::ObjectPhase(const RuleSet& rules, const EngineOptions& options)
    : now_(options.now), timings_(options.timings) {
  for (const Rule& rule : rules.rules) {
    const bool runs = rule.engine == Engine::Native || rule.engine == Engine::Declarative;
    if (!runs || !options.selects(rule.id)) continue;
    const Reads reads = rule_reads(rule);
    if (reads == Reads::Inventory) continue;
    Entry e{&rule, {}, reads == Reads::Profile};
    for (std::uint8_t i = 0; i < std::size(kProfiles); ++i) {
      const bool candidate = options.profile == "auto" || options.profile == kProfiles[i];
      if (candidate && rule.applies_to_profile(kProfiles[i])) e.profiles.push_back(i);
    }
    if (!e.profiles.empty()) entries_.push_back(std::move(e));
  }
  elapsed_ = std::make_unique<std::atomic<double>[]>(entries_.size());
}

void ObjectPhase::check(std::span<Object> batch, std::vector<Finding>& out) const {
  // Native rules walk an inventory: lend them one made of the batch.
  Inventory inventory;
  inventory.objects.assign(std::make_move_iterator(batch.begin()),
                           std::make_move_iterator(batch.end()));
  inventory.index();
  std::vector<Finding> found;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    const std::chrono::steady_clock::time_point start =
        timings_ ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    std::uint8_t all = 0;
    for (std::uint8_t p : e.profiles) all |= static_cast<std::uint8_t>(1u << p);
    for (std::uint8_t p : e.profiles) {
      found.clear();
      run(*e.rule, inventory, kProfiles[p], now_, found);
      for (Finding& f : found) {
        f.profiles = e.per_profile ? static_cast<std::uint8_t>(1u << p) : all;
        out.push_back(std::move(f));
      }
      if (!e.per_profile) break;  // the same findings under every candidate
    }
    if (timings_) elapsed_[i].fetch_add(milliseconds_since(start));
  }
  std::move(inventory.objects.begin(), inventory.objects.end(), batch.begin());
  for (Object& o : batch) trim(o);
}

std::vector<Timing> ObjectPhase::timings() const {
  std::vector<Timing> out;
  for (std::size_t i = 0; i < entries_.size(); ++i)
    out.push_back({entries_[i].rule->id, elapsed_[i].load()});
  return out;
}

}  // namespace daprlint
