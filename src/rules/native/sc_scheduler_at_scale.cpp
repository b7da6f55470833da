// sc-scheduler-at-scale: with params.min_apps or more Dapr apps, every sidecar connecting to the
// scheduler strains it; apps without actors, jobs or workflows should opt out with a blank
// dapr.io/scheduler-host-address (dapr/docs#4888). Reported once, on the first app. Silent
// when the input's injector runs with --scheduler-enabled=false (1.17+, the chart's
// global.scheduler.enabled=false): it gives sidecars no scheduler address.
#include <algorithm>
#include <cctype>

#include "model/args.h"
#include "model/sidecar.h"
#include "model/version.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

/// A state store Component with `actorStateStore` truthy: the apps use actors, whose reminders
/// live in the scheduler.
bool actor_state_store(const Object& component) {
  if (!component.root.get("spec").get("type").text().starts_with("state.")) return false;
  for (Node item : component.root.get("spec").get("metadata").elements()) {
    if (iequals(item.get("name").text(), "actorStateStore") && is_truthy(item.get("value").text()))
      return true;
  }
  return false;
}

/// The control plane predates the scheduler (params.scheduler_since, `major.minor`).
bool before_scheduler(const std::optional<Version>& version, std::string_view since) {
  std::optional<Version> first = parse_minor_version(since);
  return version && first && *version < *first;
}

/// The releases whose sidecars get no scheduler address from the input's injector: those
/// whose injector reads --scheduler-enabled (1.17+) when one runs with it false; else none.
ReleaseMask scheduler_disabled(const Inventory& inventory) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object* o : inventory.of_kind("Deployment")) {
    if (o->component != Component::SidecarInjector || o->has_owner()) continue;
    if (bool_flag(dapr_container(*o), "scheduler-enabled") == false)
      return facts.mask(facts.flag("injector", "scheduler-enabled").get("releases").text());
  }
  return 0;
}

}  // namespace

void sc_scheduler_at_scale(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::int64_t min_apps = parse_go_int(params.get("min_apps").text()).value_or(100);
  const Object* first = nullptr;
  std::int64_t apps = 0;
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node address = o.pod_annotations().get("dapr.io/scheduler-host-address");
    if (address && blank(address.text())) return;  // the owners already opt apps out
    if (!first) first = &o;
    ++apps;
  }
  if (apps < min_apps) return;
  const auto& components = ctx.inventory.of_kind("Component");
  if (std::any_of(components.begin(), components.end(),
                  [](const Object* c) { return actor_state_store(*c); }))
    return;
  if (before_scheduler(ctx.control_plane, params.get("scheduler_since").text())) return;
  emit.report(*first, first->pod_annotations(),
              std::to_string(apps) + " Dapr apps in the input, from " + first->kind + " " +
                  first->name +
                  " on, all connect their sidecars to the scheduler: none sets a blank "
                  "dapr.io/scheduler-host-address and no actor state store is defined",
              std::nullopt, ~scheduler_disabled(ctx.inventory));
}

}  // namespace daprlint
