// sc-annotation-wrong-level: PLACEHOLDER, to be replaced by its implementation (helper H1).
#include "rules/native/rules.h"

namespace daprlint {

void sc_annotation_wrong_level(const RunContext&, const Emitter&) {}

}  // namespace daprlint
