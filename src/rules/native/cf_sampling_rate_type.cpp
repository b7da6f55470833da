// cf-sampling-rate-type: PLACEHOLDER, to be replaced by its implementation (helper H1).
#include "rules/native/rules.h"

namespace daprlint {

void cf_sampling_rate_type(const RunContext&, const Emitter&) {}

}  // namespace daprlint
