// cp-webhook-ignore-no-watchdog: PLACEHOLDER, to be replaced by its implementation (helper H4).
#include "rules/native/rules.h"

namespace daprlint {

void cp_webhook_ignore_no_watchdog(const RunContext&, const Emitter&) {}

}  // namespace daprlint
