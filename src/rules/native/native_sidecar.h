#pragma once
// Whether the injector of the run's release adds daprd as a Kubernetes native sidecar (an init
// container with restartPolicy Always, 1.18+) to an app's pods: shared by the Job and kubelet
// rules.

#include <cstddef>
#include <string_view>

#include "model/inventory.h"

namespace daprlint {

inline constexpr std::string_view kNativeSidecarAnnotation = "dapr.io/enable-native-sidecar";

struct NativeSidecar {
  bool on = false;
  Node at;  // the annotation, else the injector's NATIVE_SIDECAR_ENABLED value; absent if neither
  const Object* injector = nullptr;  // set when `at` is the injector's env value
};

/// The annotation dapr.io/enable-native-sidecar decides when set, else the injector's
/// NATIVE_SIDECAR_ENABLED env (Helm value dapr_sidecar_injector.nativeSidecar) of an injector in
/// the app's scope (Inventory::in_one_scope); both are
/// ignored by releases whose injector does not know the annotation.
NativeSidecar native_sidecar(const Inventory& inventory, const Object& app, std::size_t release);

}  // namespace daprlint
