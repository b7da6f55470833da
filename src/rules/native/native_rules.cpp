// The one explicit list of native rules, sorted by id. No static self-registration.
#include "rules/native/native_rule.h"
#include "rules/native/rules.h"

namespace daprlint {
namespace {

constexpr NativeRule kNativeRules[] = {
    {"cf-mtls-in-app-config", cf_mtls_in_app_config, Reads::Inventory},
    {"cf-sampling-rate-type", cf_sampling_rate_type, Reads::Object},
    {"cf-tracing-no-exporter", cf_tracing_no_exporter, Reads::Inventory},
    {"cf-workflow-retention-invalid", cf_workflow_retention_invalid, Reads::Object},
    {"cf-workflow-retention-missing", cf_workflow_retention_missing, Reads::Inventory},
    {"cl-worker-nodes", cl_worker_nodes, Reads::Inventory},
    {"co-actor-state-ttl", co_actor_state_ttl, Reads::Object},
    {"co-actor-store-not-transactional", co_actor_store_not_transactional, Reads::Object},
    {"co-in-control-plane-ns", co_in_control_plane_ns, Reads::Inventory},
    {"co-inline-secret", co_inline_secret, Reads::Object},
    {"co-metadata-deprecated", co_metadata_deprecated, Reads::Object},
    {"co-metadata-required", co_metadata_required, Reads::Object},
    {"co-metadata-unknown", co_metadata_unknown, Reads::Object},
    {"co-metadata-value-invalid", co_metadata_value_invalid, Reads::Object},
    {"co-misplaced-field", co_misplaced_field, Reads::Object},
    {"co-password-without-tls", co_password_without_tls, Reads::Object},
    {"co-schema", co_schema, Reads::Object},
    {"co-scope-unknown-app", co_scope_unknown_app, Reads::Inventory},
    {"co-secret-store-not-found", co_secret_store_not_found, Reads::Inventory},
    {"co-type-unknown", co_type_unknown, Reads::Object},
    {"cp-anti-affinity-missing", cp_anti_affinity_missing, Reads::Inventory},
    {"cp-crd-version-mismatch", cp_crd_version_mismatch, Reads::Inventory},
    {"cp-ha-zone-only-spread", cp_ha_zone_only_spread, Reads::Inventory},
    {"cp-namespace-default", cp_namespace_default, Reads::Object},
    {"cp-namespace-shared", cp_namespace_shared, Reads::Inventory},
    {"cp-pdb-missing", cp_pdb_missing, Reads::Inventory},
    {"cp-placement-timeouts", cp_placement_timeouts, Reads::Object},
    {"cp-priority-quota-missing", cp_priority_quota_missing, Reads::Inventory},
    {"cp-resources-below-baseline", cp_resources_below_baseline, Reads::Object},
    {"cp-scheduler-secret-arg", cp_scheduler_secret_arg, Reads::Object},
    {"cp-scheduler-storage", cp_scheduler_storage, Reads::Object},
    {"cp-scheduler-storage-class", cp_scheduler_storage_class, Reads::Inventory},
    {"cp-seccomp-restricted-ns", cp_seccomp_restricted_ns, Reads::Inventory},
    {"cp-securitycontext-weakened", cp_securitycontext_weakened, Reads::Object},
    {"cp-sentry-oidc-open", cp_sentry_oidc_open, Reads::Object},
    {"cp-trust-bundle-expiry", cp_trust_bundle_expiry, Reads::Object},
    {"cp-trust-bundle-private-key", cp_trust_bundle_private_key, Reads::Inventory},
    {"cp-version-skew", cp_version_skew, Reads::Inventory},
    {"cp-webhook-fail-no-selector", cp_webhook_fail_no_selector, Reads::Object},
    {"cp-webhook-ignore-no-watchdog", cp_webhook_ignore_no_watchdog, Reads::Inventory},
    {"dr-inline-secret", dr_inline_secret, Reads::Object},
    {"dr-name-invalid", dr_name_invalid, Reads::Object},
    {"dr-newer-than-input-crd", dr_newer_than_input_crd, Reads::Inventory},
    {"gv-chart-version-old", gv_chart_version_old, Reads::Object},
    {"gv-flux-crds-not-upgraded", gv_flux_crds_not_upgraded, Reads::Object},
    {"gv-unknown-field", gv_unknown_field, Reads::Object},
    {"gv-upgrade-crds-skipped", gv_upgrade_crds_skipped, Reads::Inventory},
    {"gv-value-not-in-release", gv_value_not_in_release, Reads::Object},
    {"he-inline-secret", he_inline_secret, Reads::Object},
    {"re-unbounded-retry", re_unbounded_retry, Reads::Inventory},
    {"re-undefined-policy", re_undefined_policy, Reads::Inventory},
    {"re-unknown-target", re_unknown_target, Reads::Inventory},
    {"sc-actors-disseminate-timeout", sc_actors_disseminate_timeout, Reads::Inventory},
    {"sc-annotation-not-string", sc_annotation_not_string, Reads::Object},
    {"sc-annotation-wrong-level", sc_annotation_wrong_level, Reads::Object},
    {"sc-app-id-duplicate", sc_app_id_duplicate, Reads::Inventory},
    {"sc-automount-token", sc_automount_token, Reads::Inventory},
    {"sc-capabilities-restricted-ns", sc_capabilities_restricted_ns, Reads::Inventory},
    {"sc-config-not-found", sc_config_not_found, Reads::Inventory},
    {"sc-gomemlimit-missing", sc_gomemlimit_missing, Reads::Object},
    {"sc-graceful-shutdown", sc_graceful_shutdown, Reads::Object},
    {"sc-job-restart-policy", sc_job_restart_policy, Reads::Inventory},
    {"sc-job-sidecar-never-exits", sc_job_sidecar_never_exits, Reads::Inventory},
    {"sc-jwt-audiences-no-sentry-jwt", sc_jwt_audiences_no_sentry_jwt, Reads::Inventory},
    {"sc-native-sidecar-old-kubelet", sc_native_sidecar_old_kubelet, Reads::Inventory},
    {"sc-otel-headers-inline-secret", sc_otel_headers_inline_secret, Reads::Object},
    {"sc-port-collision", sc_port_collision, Reads::Object},
    {"sc-probe-dapr-api-port", sc_probe_dapr_api_port, Reads::Object},
    {"sc-resources-below-baseline", sc_resources_below_baseline, Reads::Object},
    {"sc-scheduler-at-scale", sc_scheduler_at_scale, Reads::Inventory},
    {"sc-seccomp-restricted-ns", sc_seccomp_restricted_ns, Reads::Inventory},
    {"sc-service-dapr-api-unreachable", sc_service_dapr_api_unreachable, Reads::Inventory},
    {"sc-service-exposes-dapr-port", sc_service_exposes_dapr_port, Reads::Inventory},
    {"sc-sidecar-version-skew-live", sc_sidecar_version_skew_live, Reads::Inventory},
    {"sc-token-secret-not-found", sc_token_secret_not_found, Reads::Inventory},
    {"sc-unknown-annotation", sc_unknown_annotation, Reads::Object},
    {"su-pubsub-not-found", su_pubsub_not_found, Reads::Inventory},
    {"wp-workflow-app-uncovered", wp_workflow_app_uncovered, Reads::Inventory},
};

}  // namespace

const NativeRule* find_native_rule(std::string_view id) {
  for (const NativeRule& r : kNativeRules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<std::string_view> native_rule_ids() {
  std::vector<std::string_view> ids;
  for (const NativeRule& r : kNativeRules) ids.push_back(r.id);
  return ids;
}

}  // namespace daprlint
