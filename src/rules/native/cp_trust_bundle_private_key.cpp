// cp-trust-bundle-private-key: Sentry keeps its private keys in the dapr-trust-bundle Secret: the
// issuer key (`--issuer-key-filename`, global.issuerFilenames.key in the chart) and, since 1.16,
// the JWT signing key (`--jwt-key-filename`, pkg/sentry/server/ca/kube.go). A manifest that
// carries one hands it to every reader. The names come from the args of the Sentry Deployment
// when it is in the input, else Sentry's defaults (params); any other entry holding a PEM private
// key is reported too. The finding never prints a value.
#include <string>
#include <vector>

#include "model/args.h"
#include "rules/native/rules.h"
#include "rules/native/trust_bundle.h"

namespace daprlint {
namespace {

/// A private key Sentry reads from the Secret, by its file name.
struct Key {
  std::string name;
  std::string flag;  // the Sentry arg that set the name; empty for the default
  std::string what;  // `the issuer private key`
  std::string risk;  // what a reader of the file can do with it
};

/// Sentry's container for the Secret: in its namespace if there is one, else any.
Node sentry_container(const Inventory& inventory, const Object& secret) {
  Node any;
  for (const Object& o : inventory.objects) {
    if (o.component != Component::Sentry || !o.is_workload() || o.has_owner()) continue;
    Node c = dapr_container(o);
    if (o.effective_namespace() == secret.effective_namespace()) return c;
    if (!any) any = c;
  }
  return any;
}

/// The name a Sentry flag sets (the file's base name, as Sentry keys the Secret by
/// filepath.Base), or `fallback` when the flag is absent or read from the environment.
Key key(Node sentry, std::string_view flag, std::string_view fallback, std::string what,
        std::string risk) {
  FlagUse use = last_flag(sentry, flag);
  std::string_view name = use.text;
  if (!use.value || name.empty() || is_env_reference(name))
    return {std::string(fallback), "", std::move(what), std::move(risk)};
  if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  return {std::string(name), "Sentry's --" + std::string(flag), std::move(what), std::move(risk)};
}

bool has_text(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

bool pem_private_key(std::string_view text) {
  return text.find("-----BEGIN ") != std::string_view::npos &&
         text.find("PRIVATE KEY-----") != std::string_view::npos;
}

}  // namespace

void cp_trust_bundle_private_key(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  for (const Object* o : ctx.inventory.of_kind("Secret")) {
    if (o->name != "dapr-trust-bundle" || o->live) continue;  // a cluster export holds it rightly
    Node sentry = sentry_container(ctx.inventory, *o);
    const std::vector<Key> keys = {
        key(sentry, "issuer-key-filename", params.get("issuer_key").text(),
            "the issuer private key", "issue certificates for any Dapr app"),
        key(sentry, "jwt-key-filename", params.get("jwt_key").text(),
            "Sentry's JWT signing private key",
            "mint JWT-SVIDs for any Dapr app that federated cloud identities accept"),
    };
    const std::string subject =
        "Secret " + o->name + " in " + std::string(o->effective_namespace()) + " carries ";
    for (const char* section : {"data", "stringData"}) {
      for (const auto& [name, value] : o->root.get(section).entries()) {
        if (!value.is_scalar() || !has_text(value.text())) continue;
        const std::string entry = std::string(section) + " " + std::string(name.text());
        bool known = false;
        for (const Key& k : keys) {
          if (k.name != name.text()) continue;
          known = true;
          emit.report(*o, value,
                      subject + k.what + " (" + entry + (k.flag.empty() ? "" : ", " + k.flag) +
                          ") in a manifest; whoever can read the file can " + k.risk);
        }
        const std::string text = std::string(section) == "data" ? base64_decode(value.text())
                                                                : std::string(value.text());
        if (!known && pem_private_key(text)) {
          emit.report(*o, value,
                      subject + "a private key (" + entry +
                          ") in a manifest; whoever can read the file holds it, and keys of the "
                          "trust bundle belong in the cluster only");
        }
      }
    }
  }
}

}  // namespace daprlint
