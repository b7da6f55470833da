#pragma once
// SHA-256 (OpenSSL) for fingerprints.

#include <cstddef>
#include <string>
#include <string_view>

namespace daprlint {

/// The first `hex_digits` hex digits (at most 64) of the SHA-256 of `data`.
std::string sha256_hex(std::string_view data, std::size_t hex_digits = 32);

}  // namespace daprlint
