// co-schema: a Dapr resource the API server rejects because it breaks its CRD's schema: a
// required field missing, a value of the wrong type, a value outside an enum. The schemas are
// compiled into the binary (schemas/dapr/*.json) and chosen per kind and apiVersion by the
// rule's params. Unknown fields are not errors: the API server prunes them, which is
// co-misplaced-field's business, and so is a required field written at the wrong level.
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "load/schema_validator.h"
#include "rules/embedded.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

struct Compiled {
  nlohmann::json document;
  std::unique_ptr<SchemaValidator> validator;
};

/// The embedded schemas the rule's params name, each compiled on first use, once per run (the
/// object phase calls the rule from several threads).
class Schemas {
 public:
  explicit Schemas(const RuleParams& params) {
    for (const auto& [kind, versions] : params.get("schemas").entries()) {
      for (const auto& [version, path] : versions.entries())
        by_path_.try_emplace(std::string(path.text()), std::make_unique<Entry>());
    }
  }

  const Compiled* get(std::string_view path) const {
    auto it = by_path_.find(path);
    if (it == by_path_.end()) return nullptr;
    Entry& e = *it->second;
    std::call_once(e.once, [&] {
      for (const EmbeddedFile& f : embedded_files()) {
        if (f.path != path) continue;
        e.compiled = std::make_unique<Compiled>();
        e.compiled->document = nlohmann::json::parse(f.content);
        e.compiled->validator = std::make_unique<SchemaValidator>(f.content);
      }
    });
    return e.compiled.get();
  }

 private:
  struct Entry {
    std::once_flag once;
    std::unique_ptr<Compiled> compiled;
  };
  std::map<std::string, std::unique_ptr<Entry>, std::less<>> by_path_;
};

/// One step from an object down to a node: a map key or a sequence index.
struct Step {
  std::string key;
  bool index = false;
};

std::vector<Step> steps_to(Node root, Node n) {
  std::vector<Step> out;
  for (; n && !(n == root); n = n.parent()) {
    if (auto i = n.seq_index()) {
      out.push_back({std::to_string(*i), true});
    } else if (Node k = n.key()) {
      out.push_back({std::string(k.text()), false});
    } else {
      break;
    }
  }
  return {out.rbegin(), out.rend()};
}

std::string dotted(const std::vector<Step>& steps) {
  std::string out;
  for (const Step& s : steps) {
    if (s.index) {
      out += "[" + s.key + "]";
    } else {
      if (!out.empty()) out += ".";
      out += s.key;
    }
  }
  return out;
}

/// Follows `$ref` (local, `#/definitions/x`) and flattens `allOf` into a list of schemas.
void expand(const nlohmann::json& doc, const nlohmann::json& s,
            std::vector<const nlohmann::json*>& out) {
  if (!s.is_object()) return;
  if (auto r = s.find("$ref"); r != s.end() && r->is_string()) {
    std::string ref = *r;
    const std::string prefix = "#/definitions/";
    if (ref.starts_with(prefix)) {
      auto defs = doc.find("definitions");
      if (defs != doc.end() && defs->contains(ref.substr(prefix.size())))
        expand(doc, (*defs)[ref.substr(prefix.size())], out);
    }
    return;
  }
  out.push_back(&s);
  if (auto all = s.find("allOf"); all != s.end() && all->is_array()) {
    for (const auto& branch : *all) expand(doc, branch, out);
  }
}

/// The schemas that apply at `steps` below the document's root schema.
std::vector<const nlohmann::json*> schemas_at(const nlohmann::json& doc,
                                              const std::vector<Step>& steps) {
  std::vector<const nlohmann::json*> current;
  expand(doc, doc, current);
  for (const Step& step : steps) {
    std::vector<const nlohmann::json*> next;
    for (const nlohmann::json* s : current) {
      if (step.index) {
        if (auto items = s->find("items"); items != s->end()) expand(doc, *items, next);
        continue;
      }
      auto props = s->find("properties");
      if (props != s->end() && props->contains(step.key)) {
        expand(doc, (*props)[step.key], next);
      } else if (auto extra = s->find("additionalProperties");
                 extra != s->end() && extra->is_object()) {
        expand(doc, *extra, next);
      }
    }
    current = std::move(next);
  }
  return current;
}

std::string expected_type(const nlohmann::json& doc, const std::vector<Step>& steps) {
  for (const nlohmann::json* s : schemas_at(doc, steps)) {
    auto t = s->find("type");
    if (t == s->end() || !t->is_string()) continue;
    const std::string type = *t;
    if (type == "object") return "a map";
    if (type == "array") return "a list";
    if (type == "boolean") return "a boolean";
    if (type == "integer") return "an integer";
    return "a " + type;
  }
  return "another type";
}

std::vector<std::string> enum_values(const nlohmann::json& doc, const std::vector<Step>& steps) {
  std::vector<std::string> out;
  for (const nlohmann::json* s : schemas_at(doc, steps)) {
    if (auto e = s->find("enum"); e != s->end() && e->is_array()) {
      for (const auto& v : *e) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    }
  }
  return out;
}

/// YAML 1.1 booleans that kubectl and Helm (sigs.k8s.io/yaml) read as true or false, although
/// the YAML 1.2 typing used for validation keeps them strings.
bool yaml11_bool(Node n) {
  static const std::set<std::string_view> words = {"y",  "Y",   "yes", "Yes", "YES", "n",
                                                   "N",  "no",  "No",  "NO",  "on",  "On",
                                                   "ON", "off", "Off", "OFF"};
  return n.is_scalar() && !n.quoted() && words.count(n.text()) > 0;
}

std::string actual_type(Node n) {
  if (n.is_map()) return "a map";
  if (n.is_seq()) return "a list";
  if (n.is_null()) return "empty";
  std::string_view t = n.text();
  if (n.quoted()) return "a string";
  if (t == "true" || t == "false" || t == "True" || t == "False" || t == "TRUE" || t == "FALSE")
    return "a boolean";
  bool digits = !t.empty();
  bool dot = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '-' && i == 0 && t.size() > 1) continue;
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') digits = false;
  }
  if (digits) return dot ? "a number" : "an integer";
  return "a string";
}

/// `Missing required property 'x'.` -> x
std::string missing_property(const std::string& message) {
  std::size_t open = message.find("Missing required property '");
  if (open == std::string::npos) return {};
  open += 27;
  std::size_t close = message.find('\'', open);
  return close == std::string::npos ? std::string() : message.substr(open, close - open);
}

/// A spec field found at the top level, where the CRD defines only these keys.
bool misplaced_at_top(Node root, const std::string& key) {
  static const std::set<std::string_view> top = {"apiVersion", "kind",   "metadata", "spec",
                                                 "status",     "scopes", "auth"};
  return top.count(key) == 0 && root.get(key);
}

/// The params' advice for a field of this kind (and apiVersion) in this situation
/// (missing, empty or type).
std::string hint_for(Node hints, const Object& o, const std::string& path, std::string_view when) {
  for (Node h : hints.elements()) {
    if (h.get("kind").text() != o.kind || h.get("path").text() != path) continue;
    if (Node v = h.get("api_version"); v && v.text() != o.api_version) continue;
    if (Node w = h.get("when"); w && w.text() != when) continue;
    return "; " + std::string(h.get("hint").text());
  }
  return {};
}

void check(const Object& o, const Compiled& schema, Node hints, const Emitter& emit) {
  const std::string who = o.kind + " " + o.name;
  const std::string rejected = ": the API server rejects the " + o.kind;
  std::set<std::pair<std::uint32_t, std::string>> seen;
  auto report = [&](Node at, const std::string& message) {
    if (seen.insert({at.index(), message}).second) emit.report(o, at, message);
  };
  for (const SchemaError& e : schema.validator->validate(o.root)) {
    const std::vector<Step> steps = steps_to(o.root, e.at);
    const std::string where = dotted(steps);
    if (std::string key = missing_property(e.message); !key.empty()) {
      // A required spec field written at the top level or in a nested spec is reported by
      // co-misplaced-field, which says where it belongs.
      if (where == "spec" && (misplaced_at_top(o.root, key) || e.at.get("spec").get(key))) continue;
      const std::string path = where.empty() ? key : where + "." + key;
      report(e.at, who + " lacks " + path + ", which its CRD requires" + rejected +
                       hint_for(hints, o, path, "missing"));
    } else if (e.message.find("'type' constraint") != std::string::npos) {
      if (e.at.is_null()) {
        // The API server drops null fields; only a required one then fails.
        Node parent = e.at.parent();
        if (!parent || steps.empty()) continue;
        bool required = false;
        for (const nlohmann::json* s :
             schemas_at(schema.document, {steps.begin(), steps.end() - 1})) {
          if (auto r = s->find("required"); r != s->end() && r->is_array()) {
            for (const auto& k : *r) required = required || k == steps.back().key;
          }
        }
        if (!required) continue;
        report(parent, who + " leaves " + where +
                           " empty, which the API server drops, and its CRD requires it" +
                           rejected + hint_for(hints, o, where, "empty"));
        continue;
      }
      const std::string expected = expected_type(schema.document, steps);
      if (expected == "a boolean" && yaml11_bool(e.at)) continue;
      const std::string actual = actual_type(e.at);
      std::string advice = hint_for(hints, o, where, "type");
      if (advice.empty() && e.at.quoted() && expected != "a map" && expected != "a list") {
        advice = "; remove the quotes";
      } else if (advice.empty() && expected == "a string" && e.at.is_scalar()) {
        advice = "; quote it";
      }
      report(e.at, who + " sets " + where + " to " + (e.at.quoted() ? "a quoted string" : actual) +
                       " where its CRD wants " + expected + rejected + advice);
    } else if (e.message.find("enum values") != std::string::npos) {
      std::string allowed;
      for (const std::string& v : enum_values(schema.document, steps))
        allowed += (allowed.empty() ? "" : ", ") + v;
      report(e.at, who + " sets " + where + " to '" + std::string(e.at.text()) +
                       "', which is not one of " + allowed + rejected);
    }
  }
}

}  // namespace

void co_schema(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  Node hints = params.get("hints");
  for (const auto& [kind, versions] : params.get("schemas").entries()) {
    for (const Object* o : ctx.inventory.of_kind(kind.text())) {
      Node path = versions.get(o->api_version);
      if (!path || !o->root.is_map()) continue;  // another apiVersion: not this CRD's
      const Schemas& schemas = params.compiled<Schemas>();
      if (const Compiled* schema = schemas.get(path.text())) check(*o, *schema, hints, emit);
    }
  }
}

}  // namespace daprlint
