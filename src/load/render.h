#pragma once
// Inputs that are not manifests yet: Helm chart folders (`helm template`) and kustomize overlays
// (`kubectl kustomize`), rendered by the real tools before loading, the way the user deploys them.

#include <string>
#include <vector>

namespace daprlint {

struct RenderSettings {
  std::string helm;                      // --helm PATH; empty: `helm` on PATH
  std::vector<std::string> helm_values;  // --helm-values FILE, passed as -f after values.yaml
  std::vector<std::string> set;          // --set KEY=VALUE, passed through
  std::string namespace_;                // --namespace, the release namespace
  bool kustomize = false;                // --kustomize / `kustomize: true`: build overlays
};

enum class RenderTool { helm, kustomize };

/// A folder to render instead of reading its files.
struct RenderJob {
  std::string dir;
  RenderTool tool = RenderTool::helm;
};

/// The rendered manifests, or the tool's message when it failed.
struct Rendered {
  bool ok = false;
  std::string text;
  std::string error;  // one line: the tool's last words
};

/// The program that renders `tool`'s folders (a path, or empty when none is installed).
std::string render_program(RenderTool tool, const RenderSettings& settings);

/// Whether `dir` is a folder the settings render, and with what: a chart (Chart.yaml) when a helm
/// program exists, a kustomization when kustomize is on and kubectl or kustomize exists.
bool render_job_for(const std::string& dir, const RenderSettings& settings, RenderJob& job);

/// Runs the tool on the folder; stdout is capped at `max_bytes`.
Rendered render(const RenderJob& job, const RenderSettings& settings, std::uint64_t max_bytes);

/// The name a rendered folder goes by in reports: `charts/orders (helm template)`.
std::string rendered_name(const RenderJob& job);

}  // namespace daprlint
