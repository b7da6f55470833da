// su-pubsub-not-found: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void su_pubsub_not_found(const RunContext&, const Emitter&) {}

}  // namespace daprlint
