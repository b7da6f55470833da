// cp-trust-bundle-expiry: Dapr's self-signed root and issuer last one year and upgrades do
// not renew them (dapr/dapr#4560); read their dates from the dapr-trust-bundle objects. Every
// entry holding PEM certificates is read, not only ca.crt and issuer.crt: Sentry's file names
// are configurable (global.issuerFilenames, e.g. cert-manager's tls.crt), and an entry it does
// not use has no certificate in a real bundle. So the rule needs neither Sentry's args nor
// cross-object reads, which would lose the ConfigMap's data (engine/trim.cpp).
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <charconv>
#include <cstdio>
#include <memory>

#include "rules/native/rules.h"
#include "rules/native/trust_bundle.h"

namespace daprlint {
namespace {

struct Certificate {
  std::string subject;
  std::time_t not_after = 0;
};

std::vector<Certificate> read_pem(const std::string& pem) {
  std::vector<Certificate> out;
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  if (!bio) return out;
  while (X509* raw = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    std::unique_ptr<X509, decltype(&X509_free)> cert(raw, X509_free);
    std::tm tm{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert.get()), &tm) != 1) continue;
    char cn[256] = "";
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, cn, sizeof cn);
    out.push_back({cn, timegm(&tm)});
  }
  return out;
}

std::string date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

void cp_trust_bundle_expiry(const RunContext& ctx, const Emitter& emit) {
  long warn_days = 30;
  std::string_view param = emit.rule().params.get("warn_days").text();
  std::from_chars(param.data(), param.data() + param.size(), warn_days);
  for (const char* kind : {"Secret", "ConfigMap"}) {
    for (const Object* o : ctx.inventory.of_kind(kind)) {
      if (o->name != "dapr-trust-bundle") continue;
      struct Field {
        const char* section;
        bool base64;
      };
      std::vector<Field> fields = o->kind == "Secret"
                                      ? std::vector<Field>{{"data", true}, {"stringData", false}}
                                      : std::vector<Field>{{"data", false}};
      for (const Field& field : fields) {
        for (const auto& [name, value] : o->root.get(field.section).entries()) {
          if (!value.is_scalar()) continue;
          const std::string key(name.text());
          std::string pem = field.base64 ? base64_decode(value.text()) : std::string(value.text());
          for (const Certificate& cert : read_pem(pem)) {
            std::string what =
                key + " certificate" + (cert.subject.empty() ? "" : " (CN=" + cert.subject + ")");
            if (cert.not_after <= ctx.now) {
              emit.report(*o, value,
                          what + " expired on " + date(cert.not_after) +
                              ": sidecars and the control plane can no longer authenticate",
                          Severity::Error);
            } else if (cert.not_after - ctx.now < warn_days * 86400) {
              long days = static_cast<long>((cert.not_after - ctx.now) / 86400);
              emit.report(*o, value,
                          what + " expires on " + date(cert.not_after) + ", in " +
                              std::to_string(days) + " day(s): rotate it with the same root key",
                          Severity::Warning);
            }
          }
        }
      }
    }
  }
}

}  // namespace daprlint
