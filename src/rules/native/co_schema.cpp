// co-schema: PLACEHOLDER, to be replaced by its implementation (helper H5).
#include "rules/native/rules.h"

namespace daprlint {

void co_schema(const RunContext&, const Emitter&) {}

}  // namespace daprlint
