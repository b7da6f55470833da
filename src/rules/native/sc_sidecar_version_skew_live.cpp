// sc-sidecar-version-skew-live: PLACEHOLDER, to be replaced by its implementation (helper H6).
#include "rules/native/rules.h"

namespace daprlint {

void sc_sidecar_version_skew_live(const RunContext&, const Emitter&) {}

}  // namespace daprlint
