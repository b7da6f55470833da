// re-undefined-policy: PLACEHOLDER, to be replaced by its implementation (helper H5).
#include "rules/native/rules.h"

namespace daprlint {

void re_undefined_policy(const RunContext&, const Emitter&) {}

}  // namespace daprlint
