// co-misplaced-field: a field of a Dapr resource that the CRD of the release in use does not
// define. Structural CRDs prune unknown fields without an error, so `spec.scopes`, a Dapr 0.x
// `tracing.enabled` or a 1.15 field on a 1.14 cluster simply vanish. Which paths each CRD
// version has in which release comes from rules/facts/crds.yaml; the params add what the loss
// of well-known fields does and old fields' advice. A Component metadata item named like a spec
// field (`initTimeout`) is not pruned but ignored by the component, and reported here too.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/edit_distance.h"
#include "model/text.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

using Masks = std::map<std::string, ReleaseMask, std::less<>>;

std::string join(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

/// The path a field path hangs under: `spec.metadata[].name` -> `spec.metadata[]`.
std::string parent_of(std::string_view path) {
  std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(path.substr(0, dot));
}

std::string leaf_of(std::string_view path) {
  std::size_t dot = path.rfind('.');
  return std::string(dot == std::string_view::npos ? path : path.substr(dot + 1));
}

std::size_t depth(std::string_view path) {
  return path.empty() ? 0 : 1 + std::count(path.begin(), path.end(), '.');
}

/// Whether `inner` is `outer` or lies under it.
bool under(std::string_view outer, std::string_view inner) {
  return outer.empty() || inner == outer ||
         (inner.starts_with(outer) && (inner[outer.size()] == '.' || inner[outer.size()] == '['));
}

/// A field name compared loosely: case aside, and without the `Spec` of Dapr's Go type names
/// (`apiSpec` for `api`, whose Go type is APISpec).
std::string loose(std::string_view name) {
  std::string l = lower(name);
  if (l.size() > 4 && l.ends_with("spec")) l.resize(l.size() - 4);
  return l;
}

/// One version of a Dapr CRD: its field paths and what the walk needs to know about them.
struct CrdVersion {
  std::string name;          // v1alpha1
  ReleaseMask releases = 0;  // the releases that serve it with a schema
  Masks fields, open;
  Masks children;  // path -> releases where it is a map with known keys
  Masks items;     // path -> releases where it is a list of maps with known keys

  ReleaseMask field(std::string_view p) const {
    auto it = fields.find(p);
    return it == fields.end() ? 0 : it->second;
  }
  static ReleaseMask in(const Masks& m, std::string_view p) {
    auto it = m.find(p);
    return it == m.end() ? 0 : it->second;
  }
};

struct Crd {
  std::string kind;
  std::vector<CrdVersion> versions;
};

struct Catalogue {
  std::map<std::string, Crd, std::less<>> by_kind;
  std::set<std::string, std::less<>> object_fields, meta_fields;
  Node misplaced, hints, metadata_items;
  std::size_t max_distance = 3;
  double max_ratio = 0.34;

  explicit Catalogue(const RuleParams& params) {
    const ReleaseFacts& facts = ReleaseFacts::embedded();
    for (Node n : params.get("object_fields").elements()) object_fields.emplace(n.text());
    for (Node n : params.get("object_meta_fields").elements()) meta_fields.emplace(n.text());
    misplaced = params.get("misplaced_top_level_fields");
    hints = params.get("hints");
    metadata_items = params.get("spec_fields_as_metadata");
    if (auto d = params.get("max_distance").text(); !d.empty())
      max_distance = std::strtoul(std::string(d).c_str(), nullptr, 10);
    if (auto r = params.get("max_ratio").text(); !r.empty())
      max_ratio = std::strtod(std::string(r).c_str(), nullptr);
    for (const auto& [name, crd] : facts.crds().entries()) {
      if (!name.text().ends_with(".dapr.io")) continue;
      Crd& c = by_kind[std::string(crd.get("kind").text())];
      c.kind = crd.get("kind").text();
      for (const auto& [vname, entry] : crd.get("versions").entries()) {
        CrdVersion v;
        v.name = vname.text();
        ReleaseMask with_schema = 0;
        for (const auto& [path, range] : entry.get("fields").entries()) {
          const ReleaseMask m = facts.mask(range.text());
          with_schema |= m;
          v.fields[std::string(path.text())] |= m;
          std::string parent = parent_of(path.text());
          if (parent.ends_with("[]")) {
            v.items[parent.substr(0, parent.size() - 2)] |= m;
          } else {
            v.children[parent] |= m;
          }
        }
        for (const auto& [path, range] : entry.get("open").entries())
          v.open[std::string(path.text())] |= facts.mask(range.text());
        v.releases = facts.mask(entry.get("releases").text()) & with_schema;
        c.versions.push_back(std::move(v));
      }
    }
  }
};

/// The shape a value has, and whether a field of `v` at `path` takes it in `releases`.
bool fits(const CrdVersion& v, std::string_view path, Node value, ReleaseMask releases) {
  if (CrdVersion::in(v.open, path) & releases) return true;
  const bool map = CrdVersion::in(v.children, path) & releases;
  const bool list = CrdVersion::in(v.items, path) & releases;
  if (value.is_map()) return map;
  if (value.is_seq()) {
    if (value.size() == 0) return !map;
    return value.at(0).is_map() ? list : !map && !list;
  }
  return !map && !list;
}

class Walk {
 public:
  Walk(const Catalogue& cat, const Crd& crd, const CrdVersion& v, const Object& o,
       const Emitter& emit)
      : cat_(cat), crd_(crd), v_(v), o_(o), emit_(emit), who_(o.kind + " " + o.name) {}

  void map(Node node, const std::string& path, ReleaseMask relevant, ReleaseMask open) {
    for (const auto& [key, value] : node.entries()) {
      const std::string_view k = key.text();
      if (k.empty() || k == "<<") continue;  // a complex key, or a YAML merge key
      if (path.empty() && k == "metadata") {
        object_meta(value, relevant);
        continue;
      }
      if (path.empty() && cat_.object_fields.count(k) && !v_.field(k)) continue;  // status
      const std::string child = join(path, k), star = join(path, "*");
      const ReleaseMask known = v_.field(child) | v_.field(star);
      if (const ReleaseMask pruned = relevant & ~known & ~open)
        report(key, value, path, child, pruned);
      const ReleaseMask keep = relevant & known & ~open;
      if (!keep) continue;
      const std::string at = (v_.field(child) & keep) ? child : star;
      const ReleaseMask inner_open = open | CrdVersion::in(v_.open, at);
      if (value.is_map()) {
        if (ReleaseMask r = keep & CrdVersion::in(v_.children, at)) map(value, at, r, inner_open);
      } else if (value.is_seq()) {
        if (ReleaseMask r = keep & CrdVersion::in(v_.items, at)) {
          for (Node e : value.elements())
            if (e.is_map()) map(e, at + "[]", r, inner_open);
        }
      }
      if (crd_.kind == "Component" && child == "spec.metadata" && value.is_seq())
        metadata_items(value);
    }
  }

 private:
  /// Kubernetes prunes object metadata to ObjectMeta's fields.
  void object_meta(Node meta, ReleaseMask relevant) {
    for (const auto& [key, value] : meta.entries()) {
      const std::string_view k = key.text();
      if (cat_.meta_fields.count(k)) continue;
      if (misplaced_top_level(value, "metadata", k, relevant)) continue;
      std::string message = who_ + " sets metadata." + std::string(k) +
                            ", which object metadata does not have, so the API server drops it";
      const std::vector<std::string_view> fields(cat_.meta_fields.begin(), cat_.meta_fields.end());
      const auto best = nearest_index(k, fields, {cat_.max_distance, cat_.max_ratio, true});
      const bool close = best.has_value();
      if (close) message += "; did you mean metadata." + std::string(fields[*best]) + "?";
      emit_.report(o_, value, message, close ? std::nullopt : std::optional(Severity::Warning),
                   relevant);
    }
  }

  /// `scopes` or `auth` written under spec or metadata: the params say what their loss does.
  bool misplaced_top_level(Node value, std::string_view parent, std::string_view k,
                           ReleaseMask relevant) {
    Node how = cat_.misplaced.get(k);
    const ReleaseMask top = v_.field(k) & relevant;
    if (!how || !top) return false;
    bool listed = false;
    for (Node p : how.get("found_in").elements()) listed = listed || p.text() == parent;
    if (!listed) return false;
    std::string effect;
    const std::string_view text = how.get("effect").text();
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text.substr(i).starts_with("{kind}")) {
        effect += o_.kind;
        i += 5;
      } else if (text.substr(i).starts_with("{store}")) {
        std::string_view store = value.get("secretStore").text();
        effect += store.empty() ? std::string("(none named)") : "'" + std::string(store) + "'";
        i += 6;
      } else {
        effect += text[i];
      }
    }
    emit_.report(o_, value,
                 who_ + " sets " + std::string(parent) + "." + std::string(k) +
                     ", which the API server drops, " + effect + "; move " + std::string(k) +
                     " to the top level, next to spec",
                 std::nullopt, top);
    return true;
  }

  /// Fields of this version named like `k` (loosely) that take `value`, in some of `releases`:
  /// under the parent or above it, the nearest first.
  std::vector<std::string> elsewhere(std::string_view k, std::string_view path,
                                     const std::string& child, Node value,
                                     ReleaseMask releases) const {
    std::vector<std::pair<std::size_t, std::string>> found;
    const std::string want = loose(k);
    for (const auto& [f, m] : v_.fields) {
      if (!(m & releases) || f == child || f.ends_with("*") || loose(leaf_of(f)) != want) continue;
      const std::string parent = parent_of(f);
      if (!under(path, parent) && !under(parent, path)) continue;
      if (!fits(v_, f, value, releases)) continue;
      const std::size_t a = depth(parent), b = depth(path);
      found.emplace_back(a > b ? a - b : b - a, f);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (const auto& [d, f] : found) {
      if (d == found.front().first && out.size() < 3) out.push_back(f);
    }
    return out;
  }

  /// A sibling field spelled nearly like `k`.
  std::string spelling(std::string_view k, std::string_view path, ReleaseMask releases) const {
    std::vector<std::string> paths, leaves;
    for (const auto& [f, m] : v_.fields) {
      if (!(m & releases) || f.ends_with("*") || parent_of(f) != path) continue;
      paths.push_back(f);
      leaves.push_back(leaf_of(f));
    }
    const auto best =
        nearest_index(k, {leaves.begin(), leaves.end()}, {cat_.max_distance, cat_.max_ratio, true});
    return best ? paths[*best] : std::string();
  }

  void report(Node key, Node value, const std::string& path, const std::string& child,
              ReleaseMask pruned) {
    const ReleaseFacts& facts = ReleaseFacts::embedded();
    const std::string_view k = key.text();
    if (misplaced_top_level(value, path, k, pruned)) return;
    if (path == "spec" && k == "spec") {
      emit_.report(o_, value,
                   who_ +
                       " nests a spec inside spec, which the API server drops with all it "
                       "holds; move its fields up one level",
                   std::nullopt, pruned);
      return;
    }
    const std::string display = o_.node_path(value).empty() ? child : o_.node_path(value);
    // Where the field belongs may differ between releases: one finding per group of releases.
    for (ReleaseMask rest = pruned; rest;) {
      // The other apiVersion of the CRD having the very path says it all.
      std::string other_version;
      for (const CrdVersion& v : crd_.versions) {
        if (v.name != v_.name && (v.field(child) & rest)) other_version = v.name;
      }
      std::vector<std::string> places;
      if (other_version.empty()) places = elsewhere(k, path, child, value, rest);
      std::string near =
          places.empty() && other_version.empty() ? spelling(k, path, rest) : std::string();
      ReleaseMask chunk = rest;
      for (const std::string& p : places) chunk &= v_.field(p);
      if (!near.empty()) chunk &= v_.field(near);
      if (!chunk) chunk = rest, places.clear(), near.clear();
      rest &= ~chunk;
      const ReleaseMask other_releases = v_.field(child) & ~chunk;
      std::string hint;
      for (Node h : cat_.hints.elements()) {
        if (h.get("kind").text() != o_.kind) continue;
        for (Node p : h.get("paths").elements())
          if (p.text() == child) hint = h.get("hint").text();
      }

      std::string message;
      if (path.empty() && places.size() == 1 && places[0] == "spec." + std::string(k)) {
        message = who_ + " sets " + std::string(k) +
                  " at the top level, where the API server drops it; move it under spec";
      } else if (path.empty() && places.empty() && near.empty() && !other_releases &&
                 other_version.empty() && hint.empty()) {
        message = who_ + " has a top-level field '" + std::string(k) + "' that the " + o_.kind +
                  " CRD does not define, so the API server drops it";
      } else {
        message = who_ + " sets " + display + ", which the " + o_.kind + " CRD" +
                  (other_version.empty() ? std::string() : " version " + v_.name) +
                  (other_releases ? " of Dapr " + facts.describe(chunk) : std::string()) +
                  " does not define, so the API server drops it";
        if (other_releases) message += " (Dapr " + facts.describe(other_releases) + " has it)";
        if (!places.empty()) {
          message += "; it belongs at ";
          for (std::size_t i = 0; i < places.size(); ++i) message += (i ? " or " : "") + places[i];
        }
        if (!other_version.empty()) message += "; apiVersion dapr.io/" + other_version + " has it";
        if (!hint.empty()) message += "; " + hint;
        if (!near.empty()) {
          // A sibling: shown under the same parent as the field, not as a schema path (`*`).
          const std::string parent = display.ends_with("." + std::string(k))
                                         ? display.substr(0, display.size() - k.size())
                                         : std::string();
          message += "; did you mean " + parent + leaf_of(near) + "?";
        }
      }
      const bool known = !places.empty() || !near.empty() || other_releases ||
                         !other_version.empty() || !hint.empty();
      emit_.report(o_, value, message, known ? std::nullopt : std::optional(Severity::Warning),
                   chunk);
    }
  }

  /// spec.metadata items named like spec fields reach the component, which ignores them.
  void metadata_items(Node items) {
    for (Node item : items.elements()) {
      Node name = item.get("name");
      for (const auto& [field, effect] : cat_.metadata_items.entries()) {
        if (lower(name.text()) != lower(field.text())) continue;
        const ReleaseMask m = v_.field("spec." + std::string(field.text())) & v_.releases;
        if (!m) continue;
        emit_.report(o_, name,
                     who_ + " has a spec.metadata item named " + std::string(name.text()) +
                         ", which Dapr hands to the component as an ordinary setting that it "
                         "ignores, " +
                         std::string(effect.text()) + "; set spec." + std::string(field.text()) +
                         " instead",
                     std::nullopt, m);
      }
    }
  }

  const Catalogue& cat_;
  const Crd& crd_;
  const CrdVersion& v_;
  const Object& o_;
  const Emitter& emit_;
  const std::string who_;
};

}  // namespace

void co_misplaced_field(const RunContext& ctx, const Emitter& emit) {
  const Catalogue& cat = emit.rule().params.compiled<Catalogue>();
  for (const auto& [kind, crd] : cat.by_kind) {
    for (const Object* o : ctx.inventory.of_kind(kind)) {
      if (!o->root.is_map() || !o->api_version.starts_with("dapr.io/")) continue;
      const std::string_view version = std::string_view(o->api_version).substr(8);
      for (const CrdVersion& v : crd.versions) {
        // Releases without this version are the API server's "no matches for kind" instead.
        if (v.name == version && v.releases)
          Walk(cat, crd, v, *o, emit).map(o->root, "", v.releases, 0);
      }
    }
  }
}

}  // namespace daprlint
