// gv-chart-version-old: PLACEHOLDER, to be replaced by its implementation (helper H6).
#include "rules/native/rules.h"

namespace daprlint {

void gv_chart_version_old(const RunContext&, const Emitter&) {}

}  // namespace daprlint
