#include "load/schema_validator.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace daprlint {
namespace {

/// YAML 1.2 core schema typing of plain scalars; quoted scalars stay strings.
nlohmann::json to_json(Node n) {
  if (!n || n.is_null()) return nullptr;
  if (n.is_map()) {
    nlohmann::json obj = nlohmann::json::object();
    for (const auto& e : n.entries()) obj[std::string(e.key.text())] = to_json(e.value);
    return obj;
  }
  if (n.is_seq()) {
    nlohmann::json arr = nlohmann::json::array();
    for (Node e : n.elements()) arr.push_back(to_json(e));
    return arr;
  }
  std::string_view t = n.text();
  if (n.quoted()) return std::string(t);
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  if (t == "null" || t == "~" || t.empty()) return nullptr;
  long long i = 0;
  if (auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), i);
      ec == std::errc() && p == t.data() + t.size()) {
    return i;
  }
  double d = 0;
  if (auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
      ec == std::errc() && p == t.data() + t.size()) {
    return d;
  }
  return std::string(t);
}

/// Follows valijson's context (`<root>`, `[key]`, `[0]`) down the tree as far as it exists.
Node locate(Node root, const std::vector<std::string>& context) {
  Node at = root;
  for (const std::string& part : context) {
    if (part.size() < 2 || part.front() != '[' || part.back() != ']') continue;
    std::string key = part.substr(1, part.size() - 2);
    if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
      key = key.substr(1, key.size() - 2);
    Node next;
    if (at.is_map()) {
      next = at.get(key);
    } else if (at.is_seq()) {
      unsigned idx = 0;
      if (std::from_chars(key.data(), key.data() + key.size(), idx).ec == std::errc())
        next = at.at(idx);
    }
    if (!next) break;
    at = next;
  }
  return at;
}

using Json = nlohmann::json;

const Json* resolve(const Json& root, const Json* s) {
  for (int hops = 0; s && s->is_object() && s->contains("$ref") && hops < 8; ++hops) {
    std::string ref = (*s)["$ref"].get<std::string>();
    if (!ref.starts_with("#/")) return nullptr;
    s = &root;
    for (std::size_t at = 2; at <= ref.size() && s;) {
      std::size_t end = std::min(ref.find('/', at), ref.size());
      std::string part = ref.substr(at, end - at);
      s = s->is_object() && s->contains(part) ? &(*s)[part] : nullptr;
      at = end + 1;
    }
  }
  return s;
}

/// The subschema that applies at valijson's context, through properties, additionalProperties
/// and items; null when the schema branches (oneOf) before it.
const Json* subschema(const Json& root, const std::vector<std::string>& context) {
  const Json* s = resolve(root, &root);
  for (const std::string& part : context) {
    if (!s || part.size() < 2 || part.front() != '[' || part.back() != ']') continue;
    std::string key = part.substr(1, part.size() - 2);
    if (key.size() >= 2 && key.front() == '"') key = key.substr(1, key.size() - 2);
    const Json* next = nullptr;
    if (s->contains("properties") && (*s)["properties"].contains(key)) {
      next = &(*s)["properties"][key];
    } else if (s->contains("additionalProperties") && (*s)["additionalProperties"].is_object()) {
      next = &(*s)["additionalProperties"];
    } else if (s->contains("items")) {
      next = &(*s)["items"];
    }
    s = resolve(root, next);
  }
  return s;
}

std::string joined(const Json& values) {
  std::string out;
  for (const Json& v : values) {
    if (!out.empty()) out += ", ";
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

/// What a subschema accepts, in words.
std::string describe(const Json& root, const Json* s) {
  if (!s || !s->is_object()) return "";
  if (s->contains("enum")) return "one of " + joined((*s)["enum"]);
  if (s->contains("oneOf")) {
    std::string out;
    for (const Json& alt : (*s)["oneOf"]) {
      std::string d = describe(root, resolve(root, &alt));
      if (!d.empty()) out += (out.empty() ? "" : "; or ") + d;
    }
    return out;
  }
  if (s->contains("properties")) {
    Json keys = Json::array();
    for (const auto& [k, v] : (*s)["properties"].items()) keys.push_back(k);
    return "a map with keys " + joined(keys);
  }
  if (s->contains("type")) {
    const Json& t = (*s)["type"];
    std::string type = t.is_string() ? t.get<std::string>() : joined(t);
    if (type == "array" && s->contains("items")) {
      std::string item = describe(root, resolve(root, &(*s)["items"]));
      return "a list" + (item.empty() ? "" : " of " + item);
    }
    return type == "object" ? "a map" : type == "array" ? "a list" : "a " + type;
  }
  return "";
}

}  // namespace

struct SchemaValidator::Impl {
  nlohmann::json document;
  valijson::Schema schema;
};

SchemaValidator::SchemaValidator(std::string_view schema_json) : impl_(std::make_unique<Impl>()) {
  impl_->document = nlohmann::json::parse(schema_json);
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(impl_->document);
  try {
    parser.populateSchema(adapter, impl_->schema);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("invalid JSON Schema: ") + e.what());
  }
}

SchemaValidator::~SchemaValidator() = default;

struct SchemaInstance::Impl {
  Node root;
  nlohmann::json json;
};

SchemaInstance::SchemaInstance(Node root)
    : impl_(std::make_unique<Impl>(Impl{root, to_json(root)})) {}

SchemaInstance::~SchemaInstance() = default;

std::vector<SchemaError> SchemaValidator::validate(Node root) const {
  return validate(SchemaInstance(root));
}

std::vector<SchemaError> SchemaValidator::validate(const SchemaInstance& instance) const {
  const Node root = instance.impl_->root;
  valijson::adapters::NlohmannJsonAdapter adapter(instance.impl_->json);
  valijson::Validator validator;
  valijson::ValidationResults results;
  std::vector<SchemaError> out;
  if (validator.validate(impl_->schema, adapter, &results)) return out;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string where;
    for (std::size_t i = 1; i < e.context.size(); ++i) where += e.context[i];
    Node at = locate(root, e.context);
    const Json* schema = subschema(impl_->document, e.context);
    // An unknown key is reported at the key itself, with the keys that are allowed there.
    if (schema && schema->contains("properties") && at.is_map() &&
        e.description.find("additionalProperties") != std::string::npos) {
      Json keys = Json::array();
      for (const auto& [k, v] : (*schema)["properties"].items()) keys.push_back(k);
      for (const NodeEntry& entry : at.entries()) {
        if ((*schema)["properties"].contains(std::string(entry.key.text()))) continue;
        out.push_back({entry.key,
                       (where.empty() ? "" : where + ": ") + "unknown key '" +
                           std::string(entry.key.text()) + "'; expected one of " + joined(keys),
                       e.context.size() + 1});
      }
      continue;
    }
    std::string expected = describe(impl_->document, schema);
    out.push_back({at,
                   (where.empty() ? "" : where + ": ") + e.description +
                       (expected.empty() ? "" : " Expected " + expected + "."),
                   e.context.size()});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SchemaError& a, const SchemaError& b) { return a.depth > b.depth; });
  return out;
}

}  // namespace daprlint
