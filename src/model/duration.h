#pragma once
// Go durations (`2s`, `1m30s`, `500ms`), as time.ParseDuration reads them: Dapr binaries take
// their timeout flags in this form.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace daprlint {

/// The duration in whole nanoseconds, exact like Go's int64 Duration; nullopt when Go would reject
/// the text (no unit, unknown unit, empty, overflow). `0` alone is valid, as in Go.
std::optional<std::int64_t> parse_go_duration_ns(std::string_view text);

/// A short form for messages: `2s`, `1.5s`, `500ms`, `1m30s` (whole units only down to ms).
std::string format_duration(std::int64_t nanoseconds);

}  // namespace daprlint
