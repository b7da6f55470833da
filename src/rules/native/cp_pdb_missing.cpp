// cp-pdb-missing: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void cp_pdb_missing(const RunContext&, const Emitter&) {}

}  // namespace daprlint
