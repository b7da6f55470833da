// cp-crd-version-mismatch: Helm does not upgrade CRDs, so a repository can pair a new control
// plane with old CRDs. The params list schema fields per CRD with the release that needs them
// (Configuration spec.mtls.controlPlaneTrustDomain and sentryAddress since 1.12,
// dapr/dapr#7051); a CRD in the input whose schema lacks them while the control-plane images are
// that release or later is reported. Silent without a CRD or without a versioned control plane.
#include <charconv>
#include <string>

#include "model/version.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// The `properties` map of the object at `path` (dot-separated) in an OpenAPI v3 schema; absent
/// when the schema does not describe it or lets unknown fields through.
Node properties_at(Node schema, std::string_view path) {
  Node node = schema;
  while (!path.empty()) {
    std::size_t dot = path.find('.');
    node = node.get("properties").get(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  if (is_truthy(node.get("x-kubernetes-preserve-unknown-fields").text())) return {};
  return node.get("properties");
}

struct Schema {
  std::string version;  // the CRD version it belongs to; empty for the v1beta1 top-level schema
  Node root;
};

std::vector<Schema> schemas(const Object& crd) {
  std::vector<Schema> out;
  Node spec = crd.root.get("spec");
  for (Node v : spec.get("versions").elements()) {
    if (Node s = v.get("schema").get("openAPIV3Schema")) {
      out.push_back({std::string(v.get("name").text()), s});
    }
  }
  if (Node s = spec.get("validation").get("openAPIV3Schema")) out.push_back({"", s});
  return out;
}

}  // namespace

void cp_crd_version_mismatch(const RunContext& ctx, const Emitter& emit) {
  if (!ctx.inventory.has_kind("CustomResourceDefinition")) return;
  std::optional<Version> control_plane = ctx.control_plane;
  if (!control_plane) return;
  Node table = emit.rule().params.get("fields");
  for (const Object* crd : ctx.inventory.of_kind("CustomResourceDefinition")) {
    for (Node entry : table.elements()) {
      if (entry.get("crd").text() != crd->name) continue;
      auto since = parse_minor_version(entry.get("since").text());
      if (!since || *control_plane < *since) continue;
      const std::string_view path = entry.get("path").text();
      for (const Schema& schema : schemas(*crd)) {
        Node props = properties_at(schema.root, path);
        if (!props.is_map()) continue;
        std::string missing;
        for (Node name : entry.get("names").elements()) {
          if (props.get(name.text())) continue;
          missing +=
              (missing.empty() ? "" : " or ") + std::string(path) + "." + std::string(name.text());
        }
        if (missing.empty()) continue;
        emit.report(*crd, props,
                    "CustomResourceDefinition " + crd->name +
                        (schema.version.empty() ? "" : " (version " + schema.version + ")") +
                        " has no " + missing + " in its schema, which Dapr " +
                        std::string(entry.get("since").text()) +
                        " added, while the control plane runs " + control_plane->text + ": " +
                        std::string(entry.get("effect").text()));
      }
    }
  }
}

}  // namespace daprlint
