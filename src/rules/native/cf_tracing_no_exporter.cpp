// cf-tracing-no-exporter: a Configuration that samples traces but names no exporter the run's
// release reads, so daprd hands every span to a null exporter (setupTracing, dapr/dapr
// pkg/runtime). Which exporters a release reads comes from its Configuration CRD: an older CRD
// drops spec.tracing.otel and stdout. Cross-object because daprd also takes an OTLP endpoint
// from its environment, which the apps using the Configuration set.
#include <cstdlib>
#include <string>
#include <vector>

#include "model/text.h"
#include "model/yaml_types.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// Dapr parses the rate as a float; text that is not one samples nothing.
bool samples(std::string_view rate) {
  const std::string text(trimmed(rate));
  if (text.empty()) return false;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && value > 0;
}

bool non_blank(Node n) {
  return n.is_scalar() && !trimmed(n.text()).empty();
}

/// Whether an app using `config` gives its sidecar an OTLP endpoint through the environment.
bool endpoint_from_env(const Object& app, const RuleParams& params) {
  Node annotations = app.pod_annotations();
  for (Node name : params.get("env_annotations").elements()) {
    std::string_view env = annotations.get(name.text()).text();
    for (Node variable : params.get("endpoint_variables").elements()) {
      if (env.find(variable.text()) != std::string_view::npos) return true;
    }
  }
  for (const auto& [key, value] : annotations.entries()) {
    for (Node prefix : params.get("injection_annotation_prefixes").elements()) {
      if (key.text().starts_with(prefix.text()) && value.text() != "false") return true;
    }
  }
  return false;
}

}  // namespace

void cf_tracing_no_exporter(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  const std::size_t release = ctx.release.value_or(facts.latest());
  Node fields = facts.crd("configurations.dapr.io").get("versions").get("v1alpha1").get("fields");
  auto in_crd = [&](std::string_view path) {
    return (facts.mask(fields.get(path).text()) & release_bit(release)) != 0;
  };
  const bool otel = in_crd("spec.tracing.otel.endpointAddress");
  const bool zipkin = in_crd("spec.tracing.zipkin.endpointAddress");
  const bool stdout_exporter = in_crd("spec.tracing.stdout");

  for (const Object* config : ctx.inventory.of_kind("Configuration")) {
    if (!config->api_version.starts_with("dapr.io/")) continue;
    Node tracing = config->root.get("spec").get("tracing");
    Node rate = tracing.get("samplingRate");
    // An unquoted number is rejected by the API server: cf-sampling-rate-type's finding.
    if (!rate.is_scalar() || kubernetes_type(rate) != YamlType::String || !samples(rate.text()))
      continue;
    // An empty protocol leaves the OTLP exporter out; a missing one is rejected (co-schema).
    Node protocol = tracing.get("otel").get("protocol");
    if (otel && non_blank(tracing.get("otel").get("endpointAddress")) &&
        (!protocol || non_blank(protocol)))
      continue;
    if (zipkin && non_blank(tracing.get("zipkin").get("endpointAddress"))) continue;
    if (stdout_exporter && is_truthy(tracing.get("stdout").text())) continue;

    bool from_env = false;
    for (const Object& app : ctx.inventory.objects) {
      if (app.dapr_app && app.pod_annotations().get("dapr.io/config").text() == config->name &&
          app.effective_namespace() == config->effective_namespace() &&
          endpoint_from_env(app, emit.rule().params)) {
        from_env = true;
        break;
      }
    }
    if (from_env) continue;

    std::vector<std::string> read;
    if (otel) read.emplace_back("otel endpointAddress and protocol");
    if (zipkin) read.emplace_back("zipkin endpointAddress");
    if (stdout_exporter) read.emplace_back("stdout");
    std::string names;
    for (std::size_t i = 0; i < read.size(); ++i)
      names += (i == 0 ? "" : i + 1 == read.size() ? " or " : ", ") + read[i];
    std::vector<std::string> pruned;
    for (std::string_view field : {"otel", "stdout"}) {
      if (tracing.get(field) && !in_crd("spec.tracing." + std::string(field)))
        pruned.push_back("spec.tracing." + std::string(field));
    }
    std::string dropped;
    if (!pruned.empty())
      dropped = "; the API server drops " + pruned[0] +
                (pruned.size() > 1 ? " and " + pruned[1] : "") +
                ", which this release's Configuration CRD does not define";
    emit.report(*config, rate,
                "Configuration " + config->name + " samples traces (spec.tracing.samplingRate \"" +
                    std::string(trimmed(rate.text())) + "\") but sets no exporter Dapr " +
                    facts.describe(release_bit(release)) + " reads (" + names +
                    "): sidecars using it record spans and drop them" + dropped);
  }
}

}  // namespace daprlint
