// sc-app-id-duplicate: PLACEHOLDER, to be replaced by its implementation (helper H1).
#include "rules/native/rules.h"

namespace daprlint {

void sc_app_id_duplicate(const RunContext&, const Emitter&) {}

}  // namespace daprlint
