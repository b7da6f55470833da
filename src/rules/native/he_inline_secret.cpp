// he-inline-secret: an HTTPEndpoint that carries a credential in its manifest: a header whose name
// or value marks it as one (Authorization, API keys, tokens, cookies) given as a literal `value`,
// the client TLS private key given as `value`, or a password or key in spec.baseUrl. The message
// names the header or the URL part, never the value.
#include "model/credentials.h"
#include "rules/native/rules.h"

namespace daprlint {

void he_inline_secret(const RunContext& ctx, const Emitter& emit) {
  for (const Object* o : ctx.inventory.of_kind("HTTPEndpoint")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    Node spec = o->root.get("spec");
    for (Node header : spec.get("headers").elements()) {
      Node value = header.get("value");
      if (!literal_value(value)) continue;
      const std::string_view name = header.get("name").text();
      if (!credential_header(name, value.is_scalar() ? value.text() : std::string_view())) continue;
      emit.report(*o, value,
                  "HTTPEndpoint " + o->name + " sets header '" + std::string(name) +
                      "' as an inline value, so the credential is stored in the manifest; "
                      "reference a secret with secretKeyRef");
    }
    Node key = spec.get("clientTLS").get("privateKey").get("value");
    if (literal_value(key)) {
      emit.report(*o, key,
                  "HTTPEndpoint " + o->name +
                      " sets spec.clientTLS.privateKey as an inline value, so the TLS private key "
                      "is stored in the manifest; reference a secret with secretKeyRef");
    }
    Node base = spec.get("baseUrl");
    if (const auto found = url_credentials(base.text()); !found.empty()) {
      emit.report(*o, base,
                  "HTTPEndpoint " + o->name + " spec.baseUrl has " + describe(found) +
                      ", so the credential is stored in the manifest; send it in a header that "
                      "references a secret with secretKeyRef");
    }
  }
}

}  // namespace daprlint
