// cp-placement-timeouts: PLACEHOLDER, to be replaced by its implementation (helper H4).
#include "rules/native/rules.h"

namespace daprlint {

void cp_placement_timeouts(const RunContext&, const Emitter&) {}

}  // namespace daprlint
