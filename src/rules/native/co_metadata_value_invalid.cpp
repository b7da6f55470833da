// co-metadata-value-invalid: a Component metadata value that the component cannot read as the
// type its components-contrib metadata.yaml gives (number, duration, bool, bytesize), or that is
// not one of the field's allowed values (rules/facts/component-metadata.yaml, 1.16 on).
// Components decode metadata with metadata.DecodeMetadata (mapstructure, weakly typed):
// numbers with strconv, durations with time.ParseDuration (several components also take a
// plain number of seconds or milliseconds, or -1), byte sizes as Kubernetes quantities, and
// booleans with utils.IsTruthy, which reads anything but y, yes, true, t, on and 1 as false.
#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "model/duration.h"
#include "model/quantity.h"
#include "model/text.h"
#include "rules/native/component_catalogue.h"
#include "rules/native/rules.h"
#include "rules/release_facts.h"

namespace daprlint {
namespace {

/// A number as strconv.ParseInt (base 0) or strconv.ParseFloat reads it.
bool go_number(const std::string& v) {
  static const RE2 number(
      R"([+-]?(?:(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F_]+|)"
      R"(0[oObB][0-7_]+|(?i:inf|infinity|nan)))");
  return RE2::FullMatch(v, number);
}

/// A value a template or the environment fills in (`${PORT}`, `{{ .Values.x }}`, `<password>`).
bool placeholder(const std::string& v) {
  return v.find("${") != std::string::npos || v.find("{{") != std::string::npos ||
         v.find("$(") != std::string::npos || (v.front() == '<' && v.back() == '>');
}

/// What is wrong with `value` as a `type` value; empty when it reads.
std::string type_problem(std::string_view type, const std::string& value) {
  if (type == "number" && !go_number(value)) return "is not a number";
  if (type == "duration" && !parse_go_duration_ns(value) && !parse_number(value))
    return "is not a Go duration such as 30s, 5m or 1h30m";
  if (type == "bytesize" && !parse_quantity(value))
    return "is not a byte size (a Kubernetes quantity such as 512Ki, 10Mi or 1000000)";
  if (type == "bool") {
    const std::string v = lower(value);
    for (const char* ok : {"y", "yes", "true", "t", "on", "1", "n", "no", "false", "f", "off", "0"})
      if (v == ok) return {};
    return "is not a boolean, so the component reads it as false";
  }
  return {};
}

}  // namespace

void co_metadata_value_invalid(const RunContext& ctx, const Emitter& emit) {
  const ReleaseFacts& facts = ReleaseFacts::embedded();
  for (const Object* o : ctx.inventory.of_kind("Component")) {
    const std::optional<CatalogueEntry> entry = catalogue_entry(*o);
    if (!entry) continue;
    for (const MetadataItem& item : metadata_items(*o)) {
      Node value = item.item.get("value");
      if (!value.is_scalar() || item.item.get("secretKeyRef") || item.item.get("envRef")) continue;
      const std::string text(trimmed(value.text()));
      if (text.empty() || placeholder(text)) continue;
      const auto [name, field] = catalogue_field(entry->metadata, item.name.text());
      if (!field) continue;
      // One finding per distinct problem, with the releases it holds for.
      std::vector<std::pair<std::string, ReleaseMask>> problems;
      for (const ReleaseEntry& f : field_facts(facts, entry->metadata, field)) {
        std::string problem = type_problem(f.entry.get("type").text(), text);
        if (problem.empty() && f.entry.get("allowed")) {
          std::string allowed;
          bool ok = false;
          for (Node a : f.entry.get("allowed").elements()) {
            ok = ok || lower(a.text()) == lower(text);
            allowed += (allowed.empty() ? "" : ", ") + std::string(a.text());
          }
          if (!ok) problem = "is not one of the allowed values (" + allowed + ")";
        }
        if (problem.empty()) continue;
        auto same = std::find_if(problems.begin(), problems.end(),
                                 [&](const auto& p) { return p.first == problem; });
        if (same == problems.end()) {
          problems.emplace_back(problem, f.releases);
        } else {
          same->second |= f.releases;
        }
      }
      for (const auto& [problem, releases] : problems) {
        emit.report(*o, value,
                    entry->who(*o) + " metadata '" + std::string(item.name.text()) +
                        "' has a value that " + problem,
                    std::nullopt, releases);
      }
    }
  }
}

}  // namespace daprlint
