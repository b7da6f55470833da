#pragma once
// `helm template` prints `metadata.namespace` only where a chart writes it: Helm installs every
// other namespaced object into the release namespace (`-n dapr-system`), which the render itself
// does not state. The Dapr chart before 1.12 writes it almost nowhere, yet names the release
// namespace in its own references (RoleBinding subjects, the webhook's service).

#include <vector>

#include "model/object.h"

namespace daprlint {

/// Gives each namespaced object of a Helm render that sets no namespace the release namespace
/// of its chart (the first folder of its `# Source:`): the namespace the render's references to
/// such objects name (ServiceAccount subjects, webhook and conversion services), else the one
/// most of the chart's objects set. When neither tells, the object is marked as being in an
/// unknown release namespace, never `default`. Objects without a `# Source:` are left alone.
void infer_release_namespaces(std::vector<Object>& objects);

}  // namespace daprlint
