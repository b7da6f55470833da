// sc-gomemlimit-missing: PLACEHOLDER, to be replaced by its implementation (helper H3).
#include "rules/native/rules.h"

namespace daprlint {

void sc_gomemlimit_missing(const RunContext&, const Emitter&) {}

}  // namespace daprlint
