// re-unbounded-retry: PLACEHOLDER, to be replaced by its implementation (helper H5).
#include "rules/native/rules.h"

namespace daprlint {

void re_unbounded_retry(const RunContext&, const Emitter&) {}

}  // namespace daprlint
