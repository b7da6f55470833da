// dr-newer-than-input-crd: a Dapr object of the input that uses a kind, version or field the
// Dapr CRDs of the same input lack. The API server rejects a kind or version its CRDs do not
// serve and prunes fields their schema does not define (or rejects them under strict field
// validation), so the object never reaches the control plane as written. Only fields that some
// release's CRD defines (rules/facts/crds.yaml) and that are newer than the input CRD count; a
// finding holds for the releases that have the field, kind or version, so that fields the run's
// release does not know stay co-misplaced-field's. Silent without Dapr CRDs in the object's scope.
#include <algorithm>
#include <string>
#include <vector>

#include "model/text.h"
#include "rules/native/input_crd.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// The oldest release the input CRD's schema can be from: the newest release that added a field
/// it has (at least 1.0). Only fields newer than that count, so a CRD trimmed by hand does not
/// report every property it leaves out.
std::size_t floor_release(const InputSchema& schema, Node facts_fields) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  std::size_t floor = facts.nearest(Release{1, 0});
  for (const std::string& path : schema.fields) {
    if (Node range = facts_fields.get(path))
      floor = std::max(floor, first_release(facts.mask(range.text())));
  }
  return floor;
}

struct Walk {
  const InputSchema& schema;
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
    const std::vector<InputVersion> versions = input_versions(*crd);
    auto served = std::find_if(versions.begin(), versions.end(), [&](const InputVersion& v) {
      return v.name == version && v.served;
    });
    if (served == versions.end()) {
      Node facts_version = facts_crd.get("versions").get(version);
      if (!facts_version) continue;  // a version no release has: other rules'
      emit.report(o, o.root.get("apiVersion"),
                  o.kind + " " + o.name + " uses " + o.api_version +
                      ", which the CustomResourceDefinition " + name +
                      " of the input does not serve: the API server rejects it",
                  Severity::Error, facts.mask(facts_version.get("releases").text()));
      continue;
    }
    if (!served->schema.is_map()) continue;  // no schema: every field is kept
    const InputSchema input(served->schema);
    Node facts_fields = facts_crd.get("versions").get(version).get("fields");
    if (!facts_fields) continue;
    const Walk walk{input, facts_fields, floor_release(input, facts_fields), o, name, emit};
    walk.visit(o.root, "");
  }
}

}  // namespace daprlint
