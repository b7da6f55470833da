#include "rules/native/input_crd.h"

#include <algorithm>
#include <bit>

namespace daprlint {

bool path_under(std::string_view path, std::string_view base) {
  if (base.empty()) return true;
  return path.starts_with(base) &&
         (path.size() == base.size() || path[base.size()] == '.' || path[base.size()] == '[');
}

std::size_t first_release(ReleaseMask mask) {
  return mask ? static_cast<std::size_t>(std::countr_zero(mask)) : 0;
}

bool InputSchema::lets_through(std::string_view path) const {
  return std::any_of(open.begin(), open.end(), [&](const auto& o) { return path_under(path, o); });
}

void InputSchema::walk(Node schema, const std::string& path) {
  if (!schema.is_map()) return;
  nodes.emplace(path, schema);
  if (is_truthy(schema.get("x-kubernetes-preserve-unknown-fields").text())) open.push_back(path);
  const std::string join = path.empty() ? "" : path + ".";
  for (const NodeEntry& e : schema.get("properties").entries()) {
    fields.insert(join + std::string(e.key.text()));
    walk(e.value, join + std::string(e.key.text()));
  }
  if (Node items = schema.get("items"); items.is_map()) walk(items, path + "[]");
  if (Node extra = schema.get("additionalProperties"); extra.is_map()) {
    fields.insert(join + "*");
    walk(extra, join + "*");
  }
}

std::vector<InputVersion> input_versions(const Object& crd) {
  Node spec = crd.root.get("spec");
  Node shared = spec.get("validation").get("openAPIV3Schema");
  std::vector<InputVersion> out;
  for (Node v : spec.get("versions").elements()) {
    Node schema = v.get("schema").get("openAPIV3Schema");
    out.push_back({std::string(v.get("name").text()), schema ? schema : shared,
                   v.get("served").text() != "false"});
  }
  if (out.empty() && spec.get("version"))
    out.push_back({std::string(spec.get("version").text()), shared, true});
  return out;
}

}  // namespace daprlint
