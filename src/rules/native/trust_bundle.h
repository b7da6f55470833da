#pragma once
// What the rules about Sentry's dapr-trust-bundle Secret and ConfigMap share.

#include <string>
#include <string_view>

namespace daprlint {

/// The bytes of a Secret's base64 `data` value (line breaks and blanks ignored); empty when it
/// is not base64.
std::string base64_decode(std::string_view in);

}  // namespace daprlint
