// sc-graceful-shutdown: PLACEHOLDER, to be replaced by its implementation (helper H3).
#include "rules/native/rules.h"

namespace daprlint {

void sc_graceful_shutdown(const RunContext&, const Emitter&) {}

}  // namespace daprlint
