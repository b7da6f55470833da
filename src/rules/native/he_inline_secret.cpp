// he-inline-secret: an HTTPEndpoint that carries a credential in its manifest: a header whose name
// or value marks it as one (Authorization, API keys, tokens, cookies) given as a literal `value`,
// or the client TLS private key given as `value`. The message names the header, never the value.
#include <re2/re2.h>

#include <algorithm>
#include <memory>

#include "rules/native/rules.h"

namespace daprlint {
namespace {

std::vector<std::unique_ptr<RE2>> compile(Node patterns) {
  RE2::Options options;
  options.set_log_errors(false);
  std::vector<std::unique_ptr<RE2>> out;
  for (Node p : patterns.elements()) {
    auto re = std::make_unique<RE2>(std::string(p.text()), options);
    if (re->ok()) out.push_back(std::move(re));
  }
  return out;
}

bool any_partial(const std::vector<std::unique_ptr<RE2>>& res, std::string_view text) {
  return std::any_of(res.begin(), res.end(),
                     [&](const auto& re) { return RE2::PartialMatch(text, *re); });
}

bool any_full(const std::vector<std::unique_ptr<RE2>>& res, std::string_view text) {
  return std::any_of(res.begin(), res.end(),
                     [&](const auto& re) { return RE2::FullMatch(text, *re); });
}

/// The rule's patterns, compiled once per run.
struct Patterns {
  std::vector<std::unique_ptr<RE2>> names, not_secret, values;
  explicit Patterns(const RuleParams& params)
      : names(compile(params.get("secret_header_names"))),
        not_secret(compile(params.get("not_secret_header_names"))),
        values(compile(params.get("credential_value_patterns"))) {}
};

/// A literal, non-empty value: a scalar, or a map or list (DynamicValue takes any JSON).
bool literal(Node value) {
  if (!value || value.is_null()) return false;
  if (value.is_scalar()) return !value.text().empty();
  return value.size() > 0;
}

}  // namespace

void he_inline_secret(const RunContext& ctx, const Emitter& emit) {
  const auto& endpoints = ctx.inventory.of_kind("HTTPEndpoint");
  if (endpoints.empty()) return;  // compiling the patterns costs a tenth of a small run
  const auto& [names, not_secret, values] = emit.rule().params.compiled<Patterns>();

  for (const Object* o : endpoints) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    Node spec = o->root.get("spec");
    for (Node header : spec.get("headers").elements()) {
      Node value = header.get("value");
      if (!literal(value)) continue;
      const std::string_view name = header.get("name").text();
      const bool by_name = any_partial(names, name) && !any_full(not_secret, name);
      const bool by_value = value.is_scalar() && any_partial(values, value.text());
      if (!by_name && !by_value) continue;
      emit.report(*o, value,
                  "HTTPEndpoint " + o->name + " sets header '" + std::string(name) +
                      "' as an inline value, so the credential is stored in the manifest; "
                      "reference a secret with secretKeyRef");
    }
    Node key = spec.get("clientTLS").get("privateKey").get("value");
    if (literal(key)) {
      emit.report(*o, key,
                  "HTTPEndpoint " + o->name +
                      " sets spec.clientTLS.privateKey as an inline value, so the TLS private key "
                      "is stored in the manifest; reference a secret with secretKeyRef");
    }
  }
}

}  // namespace daprlint
