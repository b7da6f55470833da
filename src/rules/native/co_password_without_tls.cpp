// co-password-without-tls: a Component that logs in with a password over a connection its TLS
// switch leaves unencrypted, per the table of the rule's params (components-contrib
// metadata.yaml). Reports at the node that turns TLS off, else at the password.
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/credentials.h"
#include "model/object.h"
#include "model/text.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// The metadata items of a Component by lower-case name (Dapr decodes names case-insensitively).
using Items = std::map<std::string, Node, std::less<>>;

/// The literal scalar value of an item; nullopt when the item is absent, empty or not literal.
std::optional<std::string_view> literal(const Items& items, std::string_view name) {
  const auto it = items.find(lower(name));
  if (it == items.end()) return std::nullopt;
  Node v = it->second.get("value");
  if (!v.is_scalar() || v.text().empty()) return std::nullopt;
  return v.text();
}

Node value_node(const Items& items, std::string_view name) {
  const auto it = items.find(lower(name));
  return it == items.end() ? Node() : it->second.get("value");
}

/// Whether the item takes its value from a secret or the environment, which daprlint cannot see.
bool referenced(const Items& items, std::string_view name) {
  const auto it = items.find(lower(name));
  return it != items.end() && (it->second.get("secretKeyRef") || it->second.get("envRef"));
}

/// The item's name as the manifest writes it.
std::string written_name(const Items& items, std::string_view name) {
  const auto it = items.find(lower(name));
  return std::string(it == items.end() ? name : it->second.get("name").text());
}

/// `key=value` in a URL query or a keyword connection string (libpq, ADO.NET, MongoDB params).
std::optional<std::string> keyword(std::string_view text, std::string_view key) {
  const RE2 re("(?i)(?:^|[\\s;?&])" + RE2::QuoteMeta(key) + "\\s*=\\s*([^\\s;&]*)");
  std::string value;
  if (!RE2::PartialMatch(text, re, &value)) return std::nullopt;
  return value;
}

bool holds_password(std::string_view text) {
  for (const UrlCredential& c : url_credentials(text)) {
    if (c.userinfo) return true;
  }
  for (const char* key : {"password", "pwd"}) {
    if (auto v = keyword(text, key); v && !v->empty()) return true;
  }
  return false;
}

/// The scheme of a URL value, lower case; empty when the value is no URL.
std::string scheme_of(std::string_view text) {
  const std::size_t sep = text.find("://");
  return sep == std::string_view::npos ? std::string() : lower(text.substr(0, sep));
}

bool listed(Node list, std::string_view value) {
  for (Node n : list.elements()) {
    if (lower(n.text()) == lower(value)) return true;
  }
  return false;
}

/// The host names a value gives: the hosts of a URL, `host=` of a connection string, else a
/// comma-separated list of host[:port].
std::vector<std::string> hosts_of(std::string_view text) {
  std::string list;
  if (const std::size_t sep = text.find("://"); sep != std::string_view::npos) {
    std::string_view authority = text.substr(sep + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
      authority.remove_prefix(at + 1);
    list = authority;
  } else if (auto host = keyword(text, "host")) {
    list = *host;
  } else {
    list = text;
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    std::string host = list.substr(start, comma - start);
    host.erase(0, host.find_first_not_of(" \t"));
    if (host.starts_with("[")) {
      host = host.substr(1, host.find(']') - 1);
    } else if (std::count(host.begin(), host.end(), ':') == 1) {
      host = host.substr(0, host.find(':'));
    }
    if (!host.empty()) out.push_back(lower(host));
    start = comma + 1;
  }
  return out;
}

bool loopback(std::string_view host) {
  return host == "localhost" || host.starts_with("127.") || host == "::1";
}

struct Verdict {
  bool tls = true;
  Node at;             // the node that turns TLS off, when one does
  std::string reason;  // why TLS is off
};

Verdict tls_of(Node entry, const Items& items) {
  Verdict v;
  // A switch or URL read from a secret may turn TLS on: say nothing.
  std::vector<Node> unseen = entry.get("urls").elements();
  for (Node n : entry.get("options").elements()) unseen.push_back(n);
  for (const char* key : {"tls_flag", "no_tls_flag", "scheme_field"}) {
    if (Node n = entry.get(key)) unseen.push_back(n);
  }
  for (Node name : unseen) {
    if (referenced(items, name.text())) return v;
  }
  v.tls = entry.get("tls_default").text() != "false";
  if (Node why = entry.get("default_reason")) {
    v.reason = why.text();
  } else if (Node flag = entry.get("tls_flag")) {
    v.reason = std::string(flag.text()) + " is not set and defaults to false";
  }
  const auto off = [&](Node at, std::string reason) {
    v.tls = false;
    v.at = at;
    v.reason = std::move(reason);
  };
  // The scheme of the first URL given, else of scheme_field.
  std::string scheme;
  std::string scheme_reason;
  Node scheme_at;
  for (Node name : entry.get("urls").elements()) {
    if (auto text = literal(items, name.text()); text && !scheme_of(*text).empty()) {
      scheme = scheme_of(*text);
      scheme_reason = written_name(items, name.text()) + " uses " + scheme + "://";
      scheme_at = value_node(items, name.text());
      break;
    }
  }
  if (scheme.empty() && entry.get("scheme_field")) {
    const std::string_view field = entry.get("scheme_field").text();
    if (const auto text = literal(items, field)) {
      scheme = lower(*text);
      scheme_reason = written_name(items, field) + " is \"" + std::string(*text) + "\"";
      scheme_at = value_node(items, field);
    } else {
      scheme = lower(entry.get("scheme_default").text());
      scheme_reason = std::string(field) + " is not set and defaults to " + scheme;
    }
  }
  if (listed(entry.get("plain_schemes"), scheme)) {
    off(scheme_at, scheme_reason);
  } else if (listed(entry.get("tls_schemes"), scheme)) {
    v.tls = true;
  }
  for (Node name : entry.get("tls_fields").elements()) {
    if (literal(items, name.text())) v.tls = true;
  }
  std::vector<Node> keyword_fields = entry.get("urls").elements();
  for (Node n : entry.get("options").elements()) keyword_fields.push_back(n);
  for (Node name : keyword_fields) {
    const auto text = literal(items, name.text());
    if (!text) continue;
    for (const NodeEntry& k : entry.get("on_keywords").entries()) {
      if (auto value = keyword(*text, k.key.text()); value && listed(k.value, *value)) v.tls = true;
    }
    for (const NodeEntry& k : entry.get("off_keywords").entries()) {
      if (auto value = keyword(*text, k.key.text()); value && listed(k.value, *value))
        off(value_node(items, name.text()),
            written_name(items, name.text()) + " sets " + std::string(k.key.text()) + "=" + *value);
    }
  }
  for (const char* key : {"tls_flag", "no_tls_flag"}) {
    const std::string_view flag = entry.get(key).text();
    if (flag.empty()) continue;
    const auto text = literal(items, flag);
    if (!text) continue;
    const bool on = is_truthy(*text) == (std::string_view(key) == "tls_flag");
    if (on) {
      v.tls = true;
    } else {
      off(value_node(items, flag),
          written_name(items, flag) + " is \"" + std::string(*text) + "\"");
    }
  }
  return v;
}

}  // namespace

void co_password_without_tls(const RunContext& ctx, const Emitter& emit) {
  const std::vector<Node> table = emit.rule().params.get("components").elements();
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    if (!o->api_version.starts_with("dapr.io/")) continue;
    const std::string_view type = o->root.get("spec").get("type").text();
    Items items;
    for (Node item : o->root.get("spec").get("metadata").elements())
      items.emplace(lower(item.get("name").text()), item);
    for (Node entry : table) {
      if (!listed(entry.get("types"), type)) continue;
      bool selected = true;
      for (const NodeEntry& w : entry.get("when").entries()) {
        const auto text = literal(items, w.key.text());
        selected = selected && text && lower(*text) == lower(w.value.text());
      }
      if (!selected) break;
      // The password: an item that carries one, else a URL or connection string holding one.
      std::string password;
      Node password_at;
      for (Node name : entry.get("passwords").elements()) {
        const auto it = items.find(lower(name.text()));
        if (it == items.end()) continue;
        for (const char* how : {"value", "secretKeyRef", "envRef"}) {
          if (literal_value(it->second.get(how))) {
            password = it->second.get("name").text();
            password_at = it->second.get("name");
            break;
          }
        }
        if (password_at) break;
      }
      for (Node name : entry.get("urls").elements()) {
        if (password_at) break;
        if (auto text = literal(items, name.text()); text && holds_password(*text)) {
          password = written_name(items, name.text());
          password_at = value_node(items, name.text());
        }
      }
      if (!password_at) break;
      const Verdict verdict = tls_of(entry, items);
      if (verdict.tls) break;
      std::vector<std::string> hosts;
      for (Node name : entry.get("hosts").elements()) {
        if (auto text = literal(items, name.text())) {
          for (std::string& h : hosts_of(*text)) hosts.push_back(std::move(h));
        }
      }
      if (!hosts.empty() && std::all_of(hosts.begin(), hosts.end(), loopback)) break;
      emit.report(*o, verdict.at ? verdict.at : password_at,
                  "Component " + o->name + " (" + std::string(type) +
                      ") authenticates with the credential in '" + password +
                      "' over a connection without TLS: " + verdict.reason + "; " +
                      std::string(entry.get("fix").text()));
      break;
    }
  }
}

}  // namespace daprlint
