// sc-annotation-not-string: PLACEHOLDER, to be replaced by its implementation (helper H1).
#include "rules/native/rules.h"

namespace daprlint {

void sc_annotation_not_string(const RunContext&, const Emitter&) {}

}  // namespace daprlint
