// re-unknown-target: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void re_unknown_target(const RunContext&, const Emitter&) {}

}  // namespace daprlint
