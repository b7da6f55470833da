// cp-crd-version-mismatch: PLACEHOLDER, to be replaced by its implementation (helper H4).
#include "rules/native/rules.h"

namespace daprlint {

void cp_crd_version_mismatch(const RunContext&, const Emitter&) {}

}  // namespace daprlint
