#pragma once
// Credentials written into Dapr resources, as co-inline-secret, he-inline-secret and
// dr-inline-secret find them: header (and environment variable) names and values that carry one,
// and the parts of a URL that do. One vocabulary for the three rules, so that they agree.

#include <string>
#include <string_view>
#include <vector>

#include "model/tree.h"

namespace daprlint {

/// Whether a header or environment variable carries a credential: by its name (Authorization,
/// API keys, tokens, cookies, passwords) or by its value (an authentication scheme such as
/// `Bearer ...`).
bool credential_header(std::string_view name, std::string_view value);

/// Where a URL carries a credential: a password in its userinfo (`user:password@`), or a query
/// parameter named like one (SAS `sig`, Azure Functions `code`, `api_key`, `token`,
/// `X-Amz-Signature`...) with a non-empty value.
struct UrlCredential {
  bool userinfo = false;
  std::string parameter;  // the parameter's name when not userinfo
};

/// The credentials of every URL (`scheme://...`) in `text`, each once, in order.
std::vector<UrlCredential> url_credentials(std::string_view text);

/// "a password in the URL userinfo", "a credential in URL query parameter 'sig'", joined with
/// "and"; never the values.
std::string describe(const std::vector<UrlCredential>& found);

/// A literal, non-empty value: a scalar, or a map or list (DynamicValue takes any JSON).
bool literal_value(Node value);

}  // namespace daprlint
