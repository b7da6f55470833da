// sc-resources-below-baseline: PLACEHOLDER, to be replaced by its implementation (helper H3).
#include "rules/native/rules.h"

namespace daprlint {

void sc_resources_below_baseline(const RunContext&, const Emitter&) {}

}  // namespace daprlint
