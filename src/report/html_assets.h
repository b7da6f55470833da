#pragma once
// The stylesheet and script inlined into every HTML report: it must work offline, mailed or
// opened from a CI artifact, so nothing is loaded from anywhere.

namespace daprlint {

extern const char* const kHtmlStyle;
/// Filters by severity, category and namespace (also from the URL's #severity=...&category=...
/// &namespace=...), the shown count, and a rule's why and fix opened under a finding.
extern const char* const kHtmlScript;

}  // namespace daprlint
