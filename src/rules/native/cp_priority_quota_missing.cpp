// cp-priority-quota-missing: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void cp_priority_quota_missing(const RunContext&, const Emitter&) {}

}  // namespace daprlint
