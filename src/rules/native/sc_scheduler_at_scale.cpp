// sc-scheduler-at-scale: PLACEHOLDER, to be replaced by its implementation (helper H3).
#include "rules/native/rules.h"

namespace daprlint {

void sc_scheduler_at_scale(const RunContext&, const Emitter&) {}

}  // namespace daprlint
