// sc-token-secret-not-found: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void sc_token_secret_not_found(const RunContext&, const Emitter&) {}

}  // namespace daprlint
