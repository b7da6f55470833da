#pragma once
// What sc-service-exposes-dapr-port and sc-service-dapr-api-unreachable share: the Service ports
// that forward to a port of the Dapr sidecar of a pod they select (an app in the Service's scope,
// Inventory::in_one_scope), and where that sidecar's API listens in each release.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/inventory.h"
#include "model/release.h"
#include "rules/params.h"

namespace daprlint {

/// A port of the daprd container, from a rule's `sidecar_ports` params.
struct SidecarPortSpec {
  int port = 0;
  std::string what;
  std::string annotation;  // the pod annotation that moves it, if any
  std::string impact;      // what targeting it means, for the message
  bool api = false;        // governed by dapr.io/sidecar-listen-addresses
};

/// A Service port whose target is a sidecar port of an app it selects.
struct SidecarTarget {
  const Object& service;
  Node at;    // the targetPort, else the port
  Node port;  // the element of spec.ports
  const Object& app;
  int target = 0;
  const SidecarPortSpec& sidecar;

  /// `Service orders port 3500 (dapr) targets 3500, the Dapr sidecar's HTTP API in Deployment
  /// orders`.
  std::string describe() const;
};

/// Calls `found` for every Service port of the input that forwards to a sidecar port of a Dapr
/// app it selects (the operator's `<app-id>-dapr` Service excepted). An annotation moves a port
/// only in the run's `release` when its injector reads it.
void for_each_sidecar_target(const Inventory& inventory, const RuleParams& params,
                             std::optional<std::size_t> release,
                             const std::function<void(const SidecarTarget&)>& found);

/// Releases in which the sidecar of `app` serves its API where nothing outside the pod reaches
/// it, and why (for a message): on loopback only (the injector's default `[::1],127.0.0.1`, from
/// 1.4), or on a Unix socket.
struct PodLocalApi {
  ReleaseMask releases = 0;
  std::string why;  // `which listens on loopback only (...)`
};
std::vector<PodLocalApi> api_local_to_pod(const Object& app);

}  // namespace daprlint
