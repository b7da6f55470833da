#pragma once
// Escaping and small lookups shared by the junit, markdown and html reports.

#include <map>
#include <string>
#include <string_view>

#include "report/report.h"

namespace daprlint {

/// Text safe in XML 1.0 and HTML, in element content and in quoted attributes: & < > " ' are
/// entities, bytes that are not UTF-8 and control characters XML forbids become U+FFFD, and
/// CR, LF and TAB become character references when `attribute` (so parsers keep them).
std::string xml_escape(std::string_view s, bool attribute = false);

/// `s` with bytes that are not UTF-8, and control characters other than TAB, LF and CR, as
/// U+FFFD.
std::string utf8_clean(std::string_view s);

/// A repository-relative path as a URL path: `./` dropped, bytes outside RFC 3986's
/// unreserved set and `/` percent-encoded.
std::string url_path(std::string_view path);

/// `Kind namespace/name`, or empty for a finding about a file.
std::string object_name(const Finding& f);

/// Whether the finding fails the run: unsuppressed and at or above --fail-on.
bool fails_run(const Finding& f, const Report& report);

/// Each rule of the run (and every other rule, for findings of rules outside it) by id.
std::map<std::string_view, const Rule*> rules_by_id(const Report& report);

}  // namespace daprlint
