// co-in-control-plane-ns: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void co_in_control_plane_ns(const RunContext&, const Emitter&) {}

}  // namespace daprlint
