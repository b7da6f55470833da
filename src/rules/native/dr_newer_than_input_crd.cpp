// dr-newer-than-input-crd: a Dapr object of the input that uses a kind, version or field the
// Dapr CRDs of the same input lack. The API server rejects a kind or version its CRDs do not
// serve and prunes fields their schema does not define (or rejects them under strict field
// validation), so the object never reaches the control plane as written. Only fields that some
// release's CRD defines (rules/facts/crds.yaml) and that are newer than the input CRD count; a
// finding holds for the releases that have the field, kind or version, so that fields the run's
// release does not know stay co-misplaced-field's. Silent without Dapr CRDs in the object's scope.
#include <algorithm>
#include <bit>
#include <set>
#include <string>
#include <vector>

#include "model/text.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

bool under(std::string_view path, std::string_view base) {
  return base.empty() ||
         (path.starts_with(base) &&
          (path.size() == base.size() || path[base.size()] == '.' || path[base.size()] == '['));
}

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// The property paths of an input CRD version's schema, in the facts' form
/// (tools/gen-release-facts): names joined with '.', list items add '[]', additionalProperties adds
/// '.*'.
struct Schema {
  std::set<std::string, std::less<>> fields;
  std::vector<std::string> open;  // x-kubernetes-preserve-unknown-fields: anything passes

  explicit Schema(Node root) { walk(root, ""); }
  void walk(Node schema, const std::string& path) {
    if (!schema.is_map()) return;
    if (is_truthy(schema.get("x-kubernetes-preserve-unknown-fields").text())) open.push_back(path);
    for (const NodeEntry& e : schema.get("properties").entries()) {
      fields.insert(join(path, e.key.text()));
      walk(e.value, join(path, e.key.text()));
    }
    if (Node items = schema.get("items"); items.is_map()) walk(items, path + "[]");
    if (Node extra = schema.get("additionalProperties"); extra.is_map()) {
      fields.insert(join(path, "*"));
      walk(extra, join(path, "*"));
    }
  }
  bool has(std::string_view path) const {
    return fields.count(path) ||
           std::any_of(open.begin(), open.end(), [&](const auto& o) { return under(path, o); });
  }
};

/// The schema of version `name` of an input CRD: `spec.versions[]`, or v1beta1's `spec.version`
/// with `spec.validation`. `found` says whether the CRD serves that version at all.
Node input_schema(const Object& crd, std::string_view name, bool& found) {
  Node spec = crd.root.get("spec");
  Node shared = spec.get("validation").get("openAPIV3Schema");
  found = false;
  for (Node v : spec.get("versions").elements()) {
    if (v.get("name").text() != name) continue;
    found = v.get("served").text() != "false";
    Node schema = v.get("schema").get("openAPIV3Schema");
    return schema ? schema : shared;
  }
  if (!spec.get("versions") && spec.get("version").text() == name) {
    found = true;
    return shared;
  }
  return {};
}

std::size_t first_release(ReleaseMask mask) {
  return mask ? static_cast<std::size_t>(std::countr_zero(mask)) : 0;
}

/// The oldest release the input CRD's schema can be from: the newest release that added a field
/// it has (at least 1.0). Only fields newer than that count, so a CRD trimmed by hand does not
/// report every property it leaves out.
std::size_t floor_release(const Schema& schema, Node facts_fields) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::size_t floor = facts.nearest(Release{1, 0});
  for (const std::string& path : schema.fields) {
    if (Node range = facts_fields.get(path))
      floor = std::max(floor, first_release(facts.mask(range.text())));
  }
  return floor;
}

struct Walk {
  const Schema& schema;
  Node facts_fields;
  std::size_t floor;
  const Object& object;
  const std::string& crd;
  const Emitter& emit;

  void visit(Node value, const std::string& path) const {
    if (value.is_seq()) {
      for (Node e : value.elements()) visit(e, path + "[]");
      return;
    }
    if (!value.is_map()) return;
    for (const NodeEntry& e : value.entries()) {
      const std::string_view key = e.key.text();
      if (path.empty() && (key == "apiVersion" || key == "kind" || key == "metadata")) continue;
      std::string field = join(path, key);
      if (!facts_fields.get(field) && facts_fields.get(join(path, "*"))) field = join(path, "*");
      Node range = facts_fields.get(field);
      if (!range) continue;  // unknown to every release: co-misplaced-field's
      const ReleaseMask has = ReleaseFacts::embedded().mask(range.text());
      if (!schema.has(field) && !(has & release_bit(floor))) {
        emit.report(object, e.key,
                    object.kind + " " + object.name + " sets " + e.value.path() +
                        ", which the CustomResourceDefinition " + crd +
                        " of the input does not define (added in Dapr " +
                        to_string(ReleaseFacts::embedded().releases()[first_release(has)]) +
                        "): the API server prunes it, or rejects the object under strict "
                        "field validation, so Dapr never sees it",
                    std::nullopt, has);
        continue;
      }
      visit(e.value, field);
    }
  }
};

}  // namespace

void dr_newer_than_input_crd(const RunContext& ctx, const Emitter& emit) {
  if (!ctx.inventory.has_kind("CustomResourceDefinition")) return;
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::vector<const Object*> crds;  // the Dapr CRDs of the input
  for (const Object* crd : ctx.inventory.of_kind("CustomResourceDefinition")) {
    if (facts.crd(crd->name)) crds.push_back(crd);
  }
  if (crds.empty()) return;
  for (const Object& o : ctx.inventory.objects) {
    const std::size_t slash = o.api_version.find('/');
    if (slash == std::string::npos || o.api_version.substr(0, slash) != "dapr.io") continue;
    const std::string_view version = std::string_view(o.api_version).substr(slash + 1);
    std::string name;
    Node facts_crd;
    for (const NodeEntry& c : facts.crds().entries()) {
      if (c.value.get("kind").text() == o.kind) {
        name = std::string(c.key.text());
        facts_crd = c.value;
      }
    }
    if (!facts_crd) continue;  // not a Dapr kind
    const Object* crd = nullptr;
    std::size_t oldest = facts.releases().size();  // the oldest CRD in the object's scope
    for (const Object* c : crds) {
      if (!ctx.inventory.in_one_scope(o, *c)) continue;
      oldest =
          std::min(oldest, first_release(facts.mask(facts.crd(c->name).get("releases").text())));
      if (c->name == name) crd = c;
    }
    if (oldest == facts.releases().size()) continue;  // no Dapr CRD in scope: partial input
    const ReleaseMask kind_releases = facts.mask(facts_crd.get("releases").text());
    // A kind older than the input's CRDs may be installed by other means; a newer one is not.
    if (!crd && first_release(kind_releases) > oldest) {
      emit.report(o, o.root.get("kind"),
                  o.kind + " " + o.name + " has no CustomResourceDefinition " + name +
                      " beside the input's other Dapr CRDs: the API server rejects it (no "
                      "matches for kind " +
                      o.kind + ")",
                  Severity::Error, kind_releases);
      continue;
    }
    if (!crd) continue;
    bool served = false;
    Node schema = input_schema(*crd, version, served);
    if (!served) {
      Node facts_version = facts_crd.get("versions").get(version);
      if (!facts_version) continue;  // a version no release has: other rules'
      emit.report(o, o.root.get("apiVersion"),
                  o.kind + " " + o.name + " uses " + o.api_version +
                      ", which the CustomResourceDefinition " + name +
                      " of the input does not serve: the API server rejects it",
                  Severity::Error, facts.mask(facts_version.get("releases").text()));
      continue;
    }
    if (!schema.is_map()) continue;  // no schema: every field is kept
    const Schema input(schema);
    Node facts_fields = facts_crd.get("versions").get(version).get("fields");
    if (!facts_fields) continue;
    const Walk walk{input, facts_fields, floor_release(input, facts_fields), o, name, emit};
    walk.visit(o.root, "");
  }
}

}  // namespace daprlint
