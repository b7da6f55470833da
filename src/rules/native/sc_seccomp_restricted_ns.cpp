// sc-seccomp-restricted-ns: PLACEHOLDER, to be replaced by its implementation (helper H3).
#include "rules/native/rules.h"

namespace daprlint {

void sc_seccomp_restricted_ns(const RunContext&, const Emitter&) {}

}  // namespace daprlint
