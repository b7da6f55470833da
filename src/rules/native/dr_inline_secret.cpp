// dr-inline-secret: a credential written into a Dapr resource other than a Component or an
// HTTPEndpoint (co-inline-secret and he-inline-secret judge those): a password or key in any URL
// of the resource (tracing exporter endpoints, MCP server URLs, Subscription metadata...), and a
// header or environment variable of the lists that take a secretKeyRef given as a literal value.
// Messages name the field and the URL part or header, never the value.
#include <set>
#include <string>

#include "model/credentials.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

Node at_path(Node node, std::string_view path) {
  while (node && !path.empty()) {
    const std::size_t dot = path.find('.');
    node = node.get(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node;
}

/// The releases whose CRD (version of `api_version`) has the field at `path`; every release when
/// the facts do not know the CRD or the field.
ReleaseMask field_releases(std::string_view crd, std::string_view api_version,
                           std::string_view path) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const std::size_t slash = api_version.find('/');
  const std::string_view version =
      slash == std::string_view::npos ? api_version : api_version.substr(slash + 1);
  Node range = facts.crd(crd).get("versions").get(version).get("fields").get(path);
  const ReleaseMask mask = range ? facts.mask(range.text()) : 0;
  return mask != 0 ? mask : kEveryRelease;
}

class Scan {
 public:
  Scan(const Object& o, const Emitter& emit, const std::set<std::uint32_t>& skip)
      : o_(o), emit_(emit), skip_(skip) {}

  void walk(Node node) {
    if (skip_.count(node.index())) return;
    if (node.is_scalar()) {
      const auto found = url_credentials(node.text());
      if (found.empty()) return;
      emit_.report(o_, node,
                   o_.kind + " " + o_.name + " field " + o_.node_path(node) + " has " +
                       describe(found) +
                       ", stored in clear text in the manifest; take it from a secret instead");
      return;
    }
    for (const NodeEntry& e : node.entries()) walk(e.value);
  }

 private:
  const Object& o_;
  const Emitter& emit_;
  const std::set<std::uint32_t>& skip_;
};

}  // namespace

void dr_inline_secret(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  const std::vector<Node> lists = params.get("secret_lists").elements();
  std::set<std::string, std::less<>> others;
  for (Node k : params.get("other_rules_kinds").elements()) others.insert(std::string(k.text()));

  for (const Object& o : ctx.inventory.objects) {
    if (!o.api_version.starts_with("dapr.io/") || others.count(o.kind)) continue;
    std::set<std::uint32_t> reported;  // header values already reported, not scanned again
    for (Node list : lists) {
      if (list.get("kind").text() != o.kind) continue;
      const std::string_view path = list.get("path").text();
      const std::string_view item = list.get("item").text();
      const ReleaseMask releases = field_releases(list.get("crd").text(), o.api_version, path);
      for (Node entry : at_path(o.root, path).elements()) {
        Node value = entry.get("value");
        if (!literal_value(value)) continue;
        const std::string_view name = entry.get("name").text();
        if (!credential_header(name, value.is_scalar() ? value.text() : std::string_view()))
          continue;
        reported.insert(value.index());
        emit.report(o, value,
                    o.kind + " " + o.name + " sets " + std::string(item) + " '" +
                        std::string(name) + "' of " + std::string(path) +
                        " as an inline value, so the credential is stored in the manifest; "
                        "reference a secret with secretKeyRef",
                    std::nullopt, releases);
      }
    }
    Scan scan(o, emit, reported);
    for (const NodeEntry& e : o.root.entries()) {
      const std::string_view key = e.key.text();
      if (key == "apiVersion" || key == "kind" || key == "metadata" || key == "status") continue;
      scan.walk(e.value);
    }
  }
}

}  // namespace daprlint
