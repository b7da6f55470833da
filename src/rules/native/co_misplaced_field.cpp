// co-misplaced-field: a field of a Dapr resource written at a level where its CRD does not define
// it. Structural CRDs prune unknown fields without an error, so `spec.scopes` or `spec.auth`
// simply vanish: the component is not scoped, its secrets are read from the wrong store. The
// tables (which top-level fields each kind has, where they get misplaced, which spec fields get
// written at the top level) are in the rule's params.
#include <set>

#include "rules/native/rules.h"

namespace daprlint {
namespace {

std::set<std::string, std::less<>> names(Node seq) {
  std::set<std::string, std::less<>> out;
  for (Node n : seq.elements()) out.emplace(n.text());
  return out;
}

std::string fill(std::string_view text, const Object& o, Node value) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i).starts_with("{kind}")) {
      out += o.kind;
      i += 5;
    } else if (text.substr(i).starts_with("{store}")) {
      std::string_view store = value.get("secretStore").text();
      out += store.empty() ? std::string("(none named)") : "'" + std::string(store) + "'";
      i += 6;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

void co_misplaced_field(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  Node top_fields = params.get("top_level_fields");
  Node misplaced = params.get("misplaced_top_level_fields");
  Node spec_fields = params.get("spec_fields");
  const std::set<std::string, std::less<>> always = names(params.get("object_fields"));

  for (const auto& [kind_node, kind_top] : top_fields.entries()) {
    const std::string kind(kind_node.text());
    const std::set<std::string, std::less<>> own = names(kind_top);
    const std::set<std::string, std::less<>> spec_keys = names(spec_fields.get(kind));
    for (const Object* o : ctx.inventory.of_kind(kind)) {
      if (!o->root.is_map() || !o->api_version.starts_with("dapr.io/")) continue;
      const std::string who = kind + " " + o->name;

      // Top-level fields of this kind written under spec or metadata.
      for (const auto& [field, how] : misplaced.entries()) {
        if (!own.count(field.text())) continue;
        for (Node parent_name : how.get("found_in").elements()) {
          Node value = o->root.get(parent_name.text()).get(field.text());
          if (!value) continue;
          const std::string at = std::string(parent_name.text()) + "." + std::string(field.text());
          emit.report(*o, value,
                      who + " sets " + at + ", which the API server drops, " +
                          fill(how.get("effect").text(), *o, value) + "; move " +
                          std::string(field.text()) + " to the top level, next to spec");
        }
      }

      // A spec inside spec: everything in it is dropped.
      Node spec = o->root.get("spec");
      if (Node inner = spec.get("spec")) {
        emit.report(*o, inner,
                    who +
                        " nests a spec inside spec, which the API server drops with all it "
                        "holds; move its fields up one level");
      }

      // Keys at the top level: spec fields written one level too high, or unknown fields.
      for (const auto& [key, value] : o->root.entries()) {
        std::string_view k = key.text();
        if (always.count(k) || own.count(k)) continue;
        if (spec_keys.count(k)) {
          emit.report(*o, value,
                      who + " sets " + std::string(k) +
                          " at the top level, where the API server drops it; move it under spec");
        } else {
          emit.report(*o, value,
                      who + " has a top-level field '" + std::string(k) + "' that the " + kind +
                          " CRD does not define, so the API server drops it",
                      Severity::Warning);
        }
      }
    }
  }
}

}  // namespace daprlint
