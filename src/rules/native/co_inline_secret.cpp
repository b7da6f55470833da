// co-inline-secret: a Component must take credentials from a secret store (secretKeyRef), not
// as a literal `value` (Dapr component-secrets page, G-18). The message names the field (and the
// URL part) only. Other Dapr kinds are dr-inline-secret's and he-inline-secret's.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "model/credentials.h"
#include "model/text.h"
#include "rules/native/component_catalogue.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// The fields components-contrib marks `sensitive: true` in any version and release of the
/// type's metadata.yaml (rules/facts/component-metadata.yaml), lower case.
std::set<std::string> catalogue_sensitive(std::string_view type) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::set<std::string> out;
  const std::string resolved = catalogue_type(lower(type));
  if (resolved.empty()) return out;
  for (const auto& [version, entry] : facts.component_versions(resolved).entries()) {
    for (const auto& [name, field] : entry.get("fields").entries()) {
      for (const ReleaseEntry& f : field_facts(facts, entry, field)) {
        if (f.entry.get("sensitive").text() == "true") out.insert(lower(name.text()));
      }
    }
  }
  return out;
}

/// The rule's params, compiled once per run.
struct Detector {
  Node by_type;
  std::set<std::string> value_only;  // sensitive only when the value embeds credentials
  std::unique_ptr<RE2> name_pattern;
  std::vector<std::unique_ptr<RE2>> not_secret;
  std::vector<std::unique_ptr<RE2>> credentials;
  std::vector<std::unique_ptr<RE2>> extra;  // the user's own sensitive names (.daprlint.yaml)

  explicit Detector(const RuleParams& params) : by_type(params.get("fields_by_type")) {
    RE2::Options opts;
    opts.set_log_errors(false);
    if (Node p = params.get("name_pattern")) name_pattern = std::make_unique<RE2>(p.text(), opts);
    for (Node p : params.get("not_secret").elements())
      not_secret.push_back(std::make_unique<RE2>(p.text(), opts));
    for (Node p : params.get("credential_value_patterns").elements()) {
      credentials.push_back(std::make_unique<RE2>(p.text(), opts));
    }
    for (Node p : params.get("extra_sensitive_patterns").elements())
      extra.push_back(std::make_unique<RE2>(p.text(), opts));
    for (Node n : params.get("credentials_in_value_only").elements())
      value_only.insert(lower(n.text()));
  }

  std::set<std::string> sensitive_names(std::string_view type) const {
    std::set<std::string> out = catalogue_sensitive(type);
    for (Node name : by_type.get(type).elements()) out.insert(lower(name.text()));
    return out;
  }

  bool looks_secret(std::string_view name) const {
    if (std::any_of(extra.begin(), extra.end(),
                    [&](const auto& re) { return re->ok() && RE2::FullMatch(name, *re); }))
      return true;
    if (!name_pattern || !name_pattern->ok() || !RE2::PartialMatch(name, *name_pattern))
      return false;
    return std::none_of(not_secret.begin(), not_secret.end(),
                        [&](const auto& re) { return re->ok() && RE2::FullMatch(name, *re); });
  }

  /// `scheme://user:password@host`, `Password=...;` and the like, per credential_value_patterns.
  bool embeds_credentials(std::string_view value) const {
    return std::any_of(credentials.begin(), credentials.end(),
                       [&](const auto& re) { return re->ok() && RE2::PartialMatch(value, *re); });
  }
};

}  // namespace

void co_inline_secret(const RunContext& ctx, const Emitter& emit) {
  const auto& components = ctx.inventory.of_kind("Component");
  if (components.empty()) return;  // compiling the patterns costs a tenth of a small run
  const Detector& detector = emit.rule().params.compiled<Detector>();
  std::map<std::string, std::set<std::string>, std::less<>> by_type;  // one lookup per type
  for (const Object* o : components) {
    std::string_view type = o->root.get("spec").get("type").text();
    auto cached = by_type.find(type);
    if (cached == by_type.end())
      cached = by_type.emplace(std::string(type), detector.sensitive_names(type)).first;
    const std::set<std::string>& sensitive = cached->second;
    for (Node item : o->root.get("spec").get("metadata").elements()) {
      std::string_view field = item.get("name").text();
      Node value = item.get("value");
      if (!value.is_scalar() || value.text().empty()) continue;
      const std::string key = lower(field);
      const bool value_only = detector.value_only.count(key) > 0;
      if (!value_only && (sensitive.count(key) || detector.looks_secret(field))) {
        emit.report(*o, value,
                    "Component " + o->name + " (" + std::string(type) + ") sets secret field '" +
                        std::string(field) +
                        "' as an inline value; reference a secret store with secretKeyRef");
      } else if (const auto found = url_credentials(value.text()); !found.empty()) {
        emit.report(*o, value,
                    "Component " + o->name + " (" + std::string(type) + ") field '" +
                        std::string(field) + "' has " + describe(found) +
                        "; move it to a secret and use secretKeyRef");
      } else if (detector.embeds_credentials(value.text())) {
        emit.report(
            *o, value,
            "Component " + o->name + " (" + std::string(type) + ") field '" + std::string(field) +
                "' embeds credentials in its value; move them to a secret and use secretKeyRef");
      }
    }
  }
}

}  // namespace daprlint
