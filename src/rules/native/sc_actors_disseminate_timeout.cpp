// sc-actors-disseminate-timeout: daprd 1.18 exits unless dapr.io/actors-disseminate-timeout is a
// positive Go duration, and its own dissemination wait should outlast placement's
// --disseminate-timeout (v1.18.3 cmd/daprd/options/options.go:182, :282).
#include <string>

#include "model/args.h"
#include "model/duration.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {

void sc_actors_disseminate_timeout(const RunContext& ctx, const Emitter& emit) {
  constexpr std::string_view kAnnotation = "dapr.io/actors-disseminate-timeout";
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const std::size_t release = ctx.release.value_or(facts.latest());
  // Placement's round deadline: the input's placement flag, else the release's default.
  std::string placement_text(
      facts.at(facts.flag("placement", "disseminate-timeout").get("default"), release).text());
  std::string placement_where = "placement's default --disseminate-timeout";
  for (const Object* o : ctx.inventory.of_kind("StatefulSet")) {
    if (o->component != Component::Placement) continue;
    FlagUse use = last_flag(dapr_container(*o), "disseminate-timeout");
    if (!use.value) continue;
    placement_text = std::string(use.text);
    placement_where = "the --disseminate-timeout of placement StatefulSet " + o->name;
  }
  const auto placement = parse_go_duration_ns(placement_text);
  for (const Object& o : ctx.inventory.objects) {
    if (!o.dapr_app || o.has_owner()) continue;
    Node value = o.pod_annotations().get(kAnnotation);
    if (!value) continue;
    const std::string head = o.kind + " " + o.name + " sets " + std::string(kAnnotation) + " \"" +
                             std::string(value.text()) + "\"";
    const auto timeout = parse_go_duration_ns(value.text());
    if (!timeout || *timeout <= 0) {
      emit.report(o, value,
                  head + (timeout ? ", which is not positive" : ", which is not a Go duration") +
                      ": daprd exits at start",
                  Severity::Error);
    } else if (placement && *timeout <= *placement) {
      emit.report(o, value,
                  head + ", not longer than " + placement_where + " (" +
                      format_duration(*placement) + ")" +
                      ": daprd may give up on a dissemination round before placement does");
    }
  }
}

}  // namespace daprlint
