// sc-automount-token: PLACEHOLDER, to be replaced by its implementation (helper H3).
#include "rules/native/rules.h"

namespace daprlint {

void sc_automount_token(const RunContext&, const Emitter&) {}

}  // namespace daprlint
