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

std::vector<SchemaError> SchemaValidator::validate(Node root) const {
  nlohmann::json instance = to_json(root);
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  valijson::Validator validator;
  valijson::ValidationResults results;
  std::vector<SchemaError> out;
  if (validator.validate(impl_->schema, adapter, &results)) return out;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string where;
    for (std::size_t i = 1; i < e.context.size(); ++i) where += e.context[i];
    out.push_back({locate(root, e.context), (where.empty() ? "" : where + ": ") + e.description,
                   e.context.size()});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SchemaError& a, const SchemaError& b) { return a.depth > b.depth; });
  return out;
}

}  // namespace daprlint
