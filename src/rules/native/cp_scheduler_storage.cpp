// cp-scheduler-storage: PLACEHOLDER, to be replaced by its implementation (helper H4).
#include "rules/native/rules.h"

namespace daprlint {

void cp_scheduler_storage(const RunContext&, const Emitter&) {}

}  // namespace daprlint
