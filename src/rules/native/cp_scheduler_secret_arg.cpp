// cp-scheduler-secret-arg: the chart passes `etcdClientPassword` to the scheduler as a
// command-line argument, so the password sits in the pod spec and in the process list. A
// `$(VAR)` reference (expanded from the container's env) keeps it out of the manifest. The
// message never prints the value.
#include <string>

#include "model/args.h"
#include "rules/declarative.h"
#include "rules/native/rules.h"

namespace daprlint {

void cp_scheduler_secret_arg(const RunContext& ctx, const Emitter& emit) {
  std::vector<std::string> flags;
  for (Node f : emit.rule().params.get("flags").elements()) flags.emplace_back(f.text());
  for (const Object& o : ctx.inventory.objects) {
    if (!targets_match(emit.rule(), o, ctx)) continue;
    for (Node container : o.pod_template.get("spec").get("containers").elements()) {
      for (const std::string& flag : flags) {
        for (const FlagUse& use : find_flag(container, flag)) {
          if (!use.value || use.text.empty() || is_env_reference(use.text)) continue;
          if (!use.inline_value && use.text.starts_with("-")) continue;  // next flag, no value
          emit.report(o, use.value,
                      "scheduler container " + std::string(container.get("name").text()) +
                          " passes --" + flag +
                          " as a literal argument: the password is stored in the " + o.kind +
                          " spec and shown to anyone who can read it or list the node's "
                          "processes");
        }
      }
    }
  }
}

}  // namespace daprlint
