#include "rules/context.h"

namespace daprlint {

void Emitter::report(const Object& object, Node at, std::string message,
                     std::optional<Severity> severity, ReleaseMask releases) const {
  if (!at) at = object.root;
  Finding f;
  f.rule_id = rule_.id;
  // A severity set in .daprlint.yaml wins over the one a check chose.
  f.severity = rule_.configured_severity.value_or(severity.value_or(rule_.severity));
  f.message = std::move(message);
  f.file_index = object.file_index;
  f.line = at.line();
  f.column = at.column();
  f.api_version = object.api_version;
  f.kind = object.kind;
  f.namespace_ = object.namespace_;
  f.name = object.name;
  f.helm_source = object.helm_source;
  f.node_path = object.node_path(at);  // also for Helm values parsed from a string
  f.releases = releases & rule_.releases;
  out_.push_back(std::move(f));
}

}  // namespace daprlint
