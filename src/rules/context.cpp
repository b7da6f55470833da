#include "rules/context.h"

namespace daprlint {

void Emitter::report(const Object& object, Node at, std::string message,
                     std::optional<Severity> severity) const {
  if (!at) at = object.root;
  Finding f;
  f.rule_id = rule_.id;
  f.severity = severity.value_or(rule_.severity);
  f.message = std::move(message);
  f.file_index = object.file_index;
  f.line = at.line();
  f.column = at.column();
  f.api_version = object.api_version;
  f.kind = object.kind;
  f.namespace_ = object.namespace_;
  f.name = object.name;
  f.helm_source = object.helm_source;
  // Path inside the object (List items share a tree with their siblings).
  std::string full = at.path();
  std::string base = object.root.path();
  f.node_path = full.substr(std::min(base.size(), full.size()));
  if (!f.node_path.empty() && f.node_path[0] == '.') f.node_path.erase(0, 1);
  out_.push_back(std::move(f));
}

}  // namespace daprlint
