// cf-sampling-rate-type: spec.tracing.samplingRate is a string in the Configuration CRD and a
// fraction for daprd (strconv.ParseFloat; a parse error falls back to a near-zero default).
#include <re2/re2.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "model/yaml_types.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

/// Go's strconv.ParseFloat(s, 64): decimal and hexadecimal forms, inf, infinity and nan in any
/// case; no surrounding spaces. Nullopt when Go would return an error (syntax or overflow).
std::optional<double> go_parse_float(std::string_view s) {
  static const RE2 kDecimal(R"([-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?)");
  static const RE2 kHex(
      R"([-+]?0[xX]([0-9a-fA-F]+(\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)[pP][-+]?[0-9]+)");
  static const RE2 kSpecial(R"((?i)[-+]?(inf|infinity)|nan)");
  if (RE2::FullMatch(s, kSpecial)) {
    if (s.find_first_of("nN") == 0) return std::nan("");
    return s[0] == '-' ? -INFINITY : INFINITY;
  }
  if (!RE2::FullMatch(s, kDecimal) && !RE2::FullMatch(s, kHex)) return std::nullopt;
  const std::string copy(s);
  const double v = std::strtod(copy.c_str(), nullptr);
  if (std::isinf(v)) return std::nullopt;  // ErrRange
  return v;
}

std::string number_text(double v) {
  std::string out = std::to_string(v);
  out.erase(out.find_last_not_of('0') + 1);
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

}  // namespace

void cf_sampling_rate_type(const RunContext& ctx, const Emitter& emit) {
  const RuleParams& params = emit.rule().params;
  std::string_view group = params.get("api_group").text();
  if (group.empty()) group = "dapr.io/";
  const double min = std::strtod(std::string(params.get("min").text()).c_str(), nullptr);
  double max = std::strtod(std::string(params.get("max").text()).c_str(), nullptr);
  if (max <= min) max = 1;
  for (const Object* o : ctx.inventory.of_kind("Configuration")) {
    if (!std::string_view(o->api_version).starts_with(group)) continue;
    const Node rate = o->root.get("spec").get("tracing").get("samplingRate");
    if (!rate) continue;
    const std::string subject = "Configuration " + o->name;
    if (rate.is_map() || rate.is_seq()) {
      emit.report(*o, rate,
                  subject + " sets spec.tracing.samplingRate to a YAML " +
                      (rate.is_map() ? "map" : "list") +
                      ": the CRD declares a string, so the API server rejects the Configuration");
      continue;
    }
    const YamlType type = kubernetes_type(rate);
    if (type == YamlType::Null) {
      // An empty value's node sits where the next token starts: point at the key instead.
      emit.report(*o, rate.key() ? rate.key() : rate,
                  subject +
                      " has an empty spec.tracing.samplingRate (YAML null): the CRD requires a "
                      "string such as \"0.1\", so the API server rejects the Configuration");
      continue;
    }
    if (type != YamlType::String) {
      emit.report(*o, rate,
                  subject + " sets spec.tracing.samplingRate to the YAML " +
                      std::string(yaml_type_name(type)) + " " + std::string(rate.text()) +
                      ": the CRD declares a string, so the API server rejects the Configuration; "
                      "quote it as \"" +
                      std::string(rate.text()) + "\"");
      continue;
    }
    const std::optional<double> value = go_parse_float(rate.text());
    if (!value || std::isnan(*value)) {
      emit.report(*o, rate,
                  subject + " sets spec.tracing.samplingRate to \"" + std::string(rate.text()) +
                      "\", which daprd cannot read as a number: it falls back to sampling about "
                      "1 request in 10,000");
      continue;
    }
    if (*value > max) {
      emit.report(*o, rate,
                  subject + " sets spec.tracing.samplingRate to \"" + std::string(rate.text()) +
                      "\", above " + number_text(max) +
                      ": daprd samples every request; write the rate as a fraction (\"0.1\" is "
                      "10%)",
                  Severity::Warning);
    } else if (*value < min) {
      emit.report(*o, rate,
                  subject + " sets spec.tracing.samplingRate to \"" + std::string(rate.text()) +
                      "\", below " + number_text(min) +
                      ": daprd samples no request; write a fraction between 0 and 1",
                  Severity::Warning);
    }
  }
}

}  // namespace daprlint
