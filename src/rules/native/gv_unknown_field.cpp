// gv-unknown-field: a key of a Flux HelmRelease or Argo CD Application installing the Dapr chart
// that the object's CRD does not define. Both CRDs are structural, so the API server prunes the
// key and the setting it meant (values, version, upgrade policy) silently never applies. The
// known fields per path are a table in the rule's params.
#include <string>
#include <vector>

#include "model/references.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// The nodes a table path (`spec.sources[].helm`) reaches from `root`.
std::vector<Node> reach(Node root, std::string_view path) {
  std::vector<Node> current{root}, next;
  while (!path.empty()) {
    const auto dot = path.find('.');
    std::string_view segment = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    const bool each = segment.ends_with("[]");
    if (each) segment.remove_suffix(2);
    next.clear();
    for (Node n : current) {
      Node child = n.get(segment);
      if (!child) continue;
      if (!each) {
        next.push_back(child);
        continue;
      }
      for (Node e : child.elements()) next.push_back(e);
    }
    std::swap(current, next);
  }
  return current;
}

/// The field names a table entry lists; an entry given as a string reuses that path's list.
std::vector<std::string> names(Node table, Node entry) {
  if (entry.is_scalar()) entry = table.get(entry.text());
  std::vector<std::string> out;
  for (Node n : entry.elements()) out.emplace_back(n.text());
  return out;
}

bool listed(const std::vector<std::string>& list, std::string_view name) {
  for (const std::string& n : list) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

void gv_unknown_field(const RunContext& ctx, const Emitter& emit) {
  Node groups = emit.rule().params.get("fields");
  for (std::string_view kind : {"HelmRelease", "Application", "HelmValues"}) {
    for (const Object* o : ctx.inventory.of_kind(kind)) {
      if (!o->dapr_chart) continue;
      const std::string_view group =
          std::string_view(o->api_version).substr(0, o->api_version.find('/'));
      Node table = groups.get(group);
      if (!table.is_map()) continue;  // helm.fluxcd.io/v1: the archived Helm Operator
      const std::string schema(emit.rule().params.get("schema_names").get(group).text());
      for (const auto& [path, entry] : table.entries()) {
        const std::vector<std::string> known = names(table, entry);
        for (Node map : reach(o->root, path.text())) {
          for (const auto& [key, value] : map.entries()) {
            std::string_view k = key.text();
            if (k.starts_with("$") || listed(known, k)) continue;  // $patch: a kustomize patch
            std::string hint = did_you_mean(k, known);
            // Not a typo but a field of another level: say where it belongs.
            for (const auto& [other_path, other] : table.entries()) {
              if (!hint.empty()) break;
              if (other_path.text() != path.text() && listed(names(table, other), k))
                hint = " (a field of " + std::string(other_path.text()) + ")";
            }
            Node at = value ? value : key;
            emit.report(*o, at,
                        std::string(kind) + " " + o->name + " sets " + o->node_path(at) +
                            ", which " + schema +
                            " does not define: the API server drops it, or rejects the object "
                            "under strict field validation" +
                            hint);
          }
        }
      }
    }
  }
}

}  // namespace daprlint
