// sc-service-exposes-dapr-port: PLACEHOLDER, to be replaced by its implementation (helper H2).
#include "rules/native/rules.h"

namespace daprlint {

void sc_service_exposes_dapr_port(const RunContext&, const Emitter&) {}

}  // namespace daprlint
