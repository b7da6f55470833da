// sc-port-collision: PLACEHOLDER, to be replaced by its implementation (helper H3).
#include "rules/native/rules.h"

namespace daprlint {

void sc_port_collision(const RunContext&, const Emitter&) {}

}  // namespace daprlint
