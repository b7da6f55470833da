// cp-namespace-shared: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void cp_namespace_shared(const RunContext&, const Emitter&) {}

}  // namespace daprlint
