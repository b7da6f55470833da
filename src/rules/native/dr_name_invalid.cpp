// dr-name-invalid: Dapr's resources are custom resources, whose metadata.name the API server
// accepts only as a DNS-1123 subdomain (apiextensions-apiserver validates custom resources with
// NameIsDNSSubdomain): `orderStore` or `order_store` is rejected on apply.
#include <string>

#include "model/text.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || is_ascii_digit(c);
}

/// Why `name` is not a DNS-1123 subdomain, or empty when it is one.
std::string problem(std::string_view name) {
  if (name.size() > 253) return "is longer than 253 characters";
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') return "has upper-case letters";
  }
  for (char c : name) {
    if (!alnum(c) && c != '-' && c != '.') return std::string("has '") + c + "'";
  }
  // Each dot-separated label starts and ends with a letter or digit.
  std::size_t start = 0;
  while (true) {
    std::size_t end = name.find('.', start);
    std::string_view label = name.substr(start, end == std::string_view::npos ? end : end - start);
    if (label.empty()) return "has an empty part between dots or at an end";
    if (!alnum(label.front()) || !alnum(label.back()))
      return "has a part that starts or ends with '-'";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return {};
}

}  // namespace

void dr_name_invalid(const RunContext& ctx, const Emitter& emit) {
  for (const std::string& kind : emit.rule().targets.kinds) {
    for (const Object* o : ctx.inventory.of_kind(kind)) {
      if (!o->api_version.starts_with("dapr.io/")) continue;
      Node at = o->root.get("metadata").get("name");
      const std::string_view name = at.text();
      if (!at.is_scalar() || name.empty() || name.find_first_of("${}<>%") != std::string::npos)
        continue;  // absent (generateName), or a placeholder a tool fills in
      const std::string why = problem(name);
      if (why.empty()) continue;
      std::string message = kind + " metadata.name '" + std::string(name) + "' " + why +
                            ", which a DNS-1123 subdomain (lower-case letters, digits, '-' and "
                            "'.') may not have: the API server rejects the " +
                            kind;
      if (const std::string l = lower(name); problem(l).empty())
        message += "; rename it to '" + l + "' and update what refers to it";
      emit.report(*o, at, message);
    }
  }
}

}  // namespace daprlint
