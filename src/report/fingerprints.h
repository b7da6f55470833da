#pragma once
// Result fingerprints for SARIF and Code Climate: what code scanning and GitLab use to follow a
// finding from one run to the next.

#include <string>
#include <vector>

#include "report/report.h"

namespace daprlint {

struct ResultFingerprint {
  std::string hash;    // 32 hex digits
  int occurrence = 0;  // how many equal findings (same rule, file, object, path) come before it
};

/// One per finding of `report`, in order: unique within the report, and stable across edits
/// that only move lines (rule, file, object and node path; never line numbers).
std::vector<ResultFingerprint> result_fingerprints(const Report& report);

}  // namespace daprlint
