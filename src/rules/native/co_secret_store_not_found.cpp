// co-secret-store-not-found: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void co_secret_store_not_found(const RunContext&, const Emitter&) {}

}  // namespace daprlint
