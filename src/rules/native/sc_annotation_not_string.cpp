// sc-annotation-not-string: annotation values must be strings; kubectl and Helm type YAML with
// go-yaml v2 (YAML 1.1), so an unquoted `true`, `on` or `8080` makes the API server reject the
// object ("cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations").
#include <string>
#include <utility>
#include <vector>

#include "model/yaml_types.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// The annotation maps of an object: its own, the Job template's (CronJob) and the pod
/// template's, each with a short name for messages.
std::vector<std::pair<Node, std::string>> annotation_maps(const Object& o) {
  std::vector<std::pair<Node, std::string>> out;
  out.emplace_back(o.root.get("metadata").get("annotations"), "");
  if (o.kind == "CronJob") {
    out.emplace_back(o.root.get("spec").get("jobTemplate").get("metadata").get("annotations"),
                     " (Job template)");
  }
  if (o.pod_template && !(o.pod_template == o.root)) {
    out.emplace_back(o.pod_annotations(), " (pod template)");
  }
  return out;
}

std::string quoted_example(Node value) {
  return "\"" + std::string(value.text()) + "\"";
}

}  // namespace

void sc_annotation_not_string(const RunContext& ctx, const Emitter& emit) {
  std::string prefix(emit.rule().params.get("key_prefix").text());
  if (prefix.empty()) prefix = "dapr.io/";
  for (const Object& o : ctx.inventory.objects) {
    for (const auto& [annotations, where] : annotation_maps(o)) {
      for (const NodeEntry& e : annotations.entries()) {
        std::string_view key = e.key.text();
        if (!key.starts_with(prefix)) continue;
        const std::string subject =
            "Annotation " + std::string(key) + " of " + o.kind + " " + o.name + where;
        if (e.value.is_map() || e.value.is_seq()) {
          emit.report(o, e.value,
                      subject + " is a YAML " + (e.value.is_map() ? "map" : "list") +
                          ", but annotation values must be strings: the API server rejects the "
                          "object; write the value as one quoted string");
          continue;
        }
        const YamlType type = kubernetes_type(e.value);
        if (type == YamlType::String) continue;
        if (type == YamlType::Null) {
          emit.report(o, e.value.is_null() ? e.key : e.value,
                      subject +
                          " has no value (YAML null): Kubernetes stores an empty string or drops "
                          "the key, so the setting is lost; write the intended value in quotes",
                      Severity::Warning);
          continue;
        }
        emit.report(o, e.value,
                    subject + " is the YAML " + std::string(yaml_type_name(type)) + " " +
                        std::string(e.value.text()) +
                        ", but annotation values must be strings: the API server rejects the "
                        "object; quote it as " +
                        quoted_example(e.value));
      }
    }
  }
}

}  // namespace daprlint
