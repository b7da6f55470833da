// co-scope-unknown-app: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void co_scope_unknown_app(const RunContext&, const Emitter&) {}

}  // namespace daprlint
