// sc-unknown-annotation: PLACEHOLDER, to be replaced by its implementation (helper H1).
#include "rules/native/rules.h"

namespace daprlint {

void sc_unknown_annotation(const RunContext&, const Emitter&) {}

}  // namespace daprlint
