#pragma once
// Which rules a run included, for the JSON summary and the SARIF run properties: the
// selectors as given, and how the set differs from the default set.

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace daprlint {

/// {"select": ["default"], "extendSelect": [], "ignore": [], "rules": 92, "known": 101,
///  "optInRun": [...], "defaultNotRun": [...]}
nlohmann::ordered_json rule_set_json(const Report& report);

}  // namespace daprlint
