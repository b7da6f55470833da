#pragma once
// Pretty-printed JSON with one large array written element by element, so that the findings of
// a big audit are never held as one JSON document (nlohmann's DOM costs ~5x the text).

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>

namespace daprlint {

/// Put this as the only element of the array to stream.
inline constexpr const char* kStreamedArray = "\x01streamed\x01";

/// Writes `doc` exactly as `doc.dump(2)` would, with the array holding kStreamedArray replaced
/// by `count` elements made by `element(i)`, a block at a time on `jobs` threads (0: every
/// core), so `element` must be safe to call concurrently. Invalid UTF-8 is replaced.
void write_streamed(std::ostream& out, const nlohmann::ordered_json& doc, std::size_t count,
                    const std::function<nlohmann::ordered_json(std::size_t)>& element,
                    unsigned jobs = 1);

}  // namespace daprlint
