#pragma once
// The native rules, one function each, implemented in the .cpp named after the rule id.

#include "rules/native/native_rule.h"

namespace daprlint {

void cf_mtls_in_app_config(const RunContext& ctx, const Emitter& emit);
void cf_sampling_rate_type(const RunContext& ctx, const Emitter& emit);
void cf_tracing_no_exporter(const RunContext& ctx, const Emitter& emit);
void cf_workflow_retention_invalid(const RunContext& ctx, const Emitter& emit);
void cf_workflow_retention_missing(const RunContext& ctx, const Emitter& emit);
void cl_worker_nodes(const RunContext& ctx, const Emitter& emit);
void co_actor_state_ttl(const RunContext& ctx, const Emitter& emit);
void co_actor_store_not_transactional(const RunContext& ctx, const Emitter& emit);
void co_in_control_plane_ns(const RunContext& ctx, const Emitter& emit);
void co_inline_secret(const RunContext& ctx, const Emitter& emit);
void co_metadata_deprecated(const RunContext& ctx, const Emitter& emit);
void co_metadata_required(const RunContext& ctx, const Emitter& emit);
void co_metadata_unknown(const RunContext& ctx, const Emitter& emit);
void co_metadata_value_invalid(const RunContext& ctx, const Emitter& emit);
void co_misplaced_field(const RunContext& ctx, const Emitter& emit);
void co_password_without_tls(const RunContext& ctx, const Emitter& emit);
void co_schema(const RunContext& ctx, const Emitter& emit);
void co_scope_unknown_app(const RunContext& ctx, const Emitter& emit);
void co_secret_store_not_found(const RunContext& ctx, const Emitter& emit);
void co_type_unknown(const RunContext& ctx, const Emitter& emit);
void cp_anti_affinity_missing(const RunContext& ctx, const Emitter& emit);
void cp_crd_version_mismatch(const RunContext& ctx, const Emitter& emit);
void cp_ha_zone_only_spread(const RunContext& ctx, const Emitter& emit);
void cp_namespace_default(const RunContext& ctx, const Emitter& emit);
void cp_namespace_shared(const RunContext& ctx, const Emitter& emit);
void cp_pdb_missing(const RunContext& ctx, const Emitter& emit);
void cp_placement_timeouts(const RunContext& ctx, const Emitter& emit);
void cp_priority_quota_missing(const RunContext& ctx, const Emitter& emit);
void cp_resources_below_baseline(const RunContext& ctx, const Emitter& emit);
void cp_scheduler_secret_arg(const RunContext& ctx, const Emitter& emit);
void cp_scheduler_storage(const RunContext& ctx, const Emitter& emit);
void cp_scheduler_storage_class(const RunContext& ctx, const Emitter& emit);
void cp_seccomp_restricted_ns(const RunContext& ctx, const Emitter& emit);
void cp_securitycontext_weakened(const RunContext& ctx, const Emitter& emit);
void cp_sentry_oidc_open(const RunContext& ctx, const Emitter& emit);
void cp_trust_bundle_expiry(const RunContext& ctx, const Emitter& emit);
void cp_trust_bundle_private_key(const RunContext& ctx, const Emitter& emit);
void cp_version_skew(const RunContext& ctx, const Emitter& emit);
void cp_webhook_fail_no_selector(const RunContext& ctx, const Emitter& emit);
void cp_webhook_ignore_no_watchdog(const RunContext& ctx, const Emitter& emit);
void dr_inline_secret(const RunContext& ctx, const Emitter& emit);
void dr_name_invalid(const RunContext& ctx, const Emitter& emit);
void dr_newer_than_input_crd(const RunContext& ctx, const Emitter& emit);
void gv_chart_version_old(const RunContext& ctx, const Emitter& emit);
void gv_flux_crds_not_upgraded(const RunContext& ctx, const Emitter& emit);
void gv_unknown_field(const RunContext& ctx, const Emitter& emit);
void gv_upgrade_crds_skipped(const RunContext& ctx, const Emitter& emit);
void gv_value_not_in_release(const RunContext& ctx, const Emitter& emit);
void he_inline_secret(const RunContext& ctx, const Emitter& emit);
void re_unbounded_retry(const RunContext& ctx, const Emitter& emit);
void re_undefined_policy(const RunContext& ctx, const Emitter& emit);
void re_unknown_target(const RunContext& ctx, const Emitter& emit);
void sc_actors_disseminate_timeout(const RunContext& ctx, const Emitter& emit);
void sc_annotation_not_string(const RunContext& ctx, const Emitter& emit);
void sc_annotation_wrong_level(const RunContext& ctx, const Emitter& emit);
void sc_app_id_duplicate(const RunContext& ctx, const Emitter& emit);
void sc_automount_token(const RunContext& ctx, const Emitter& emit);
void sc_capabilities_restricted_ns(const RunContext& ctx, const Emitter& emit);
void sc_config_not_found(const RunContext& ctx, const Emitter& emit);
void sc_gomemlimit_missing(const RunContext& ctx, const Emitter& emit);
void sc_graceful_shutdown(const RunContext& ctx, const Emitter& emit);
void sc_job_restart_policy(const RunContext& ctx, const Emitter& emit);
void sc_job_sidecar_never_exits(const RunContext& ctx, const Emitter& emit);
void sc_jwt_audiences_no_sentry_jwt(const RunContext& ctx, const Emitter& emit);
void sc_native_sidecar_old_kubelet(const RunContext& ctx, const Emitter& emit);
void sc_otel_headers_inline_secret(const RunContext& ctx, const Emitter& emit);
void sc_port_collision(const RunContext& ctx, const Emitter& emit);
void sc_probe_dapr_api_port(const RunContext& ctx, const Emitter& emit);
void sc_resources_below_baseline(const RunContext& ctx, const Emitter& emit);
void sc_scheduler_at_scale(const RunContext& ctx, const Emitter& emit);
void sc_seccomp_restricted_ns(const RunContext& ctx, const Emitter& emit);
void sc_service_dapr_api_unreachable(const RunContext& ctx, const Emitter& emit);
void sc_service_exposes_dapr_port(const RunContext& ctx, const Emitter& emit);
void sc_sidecar_version_skew_live(const RunContext& ctx, const Emitter& emit);
void sc_token_secret_not_found(const RunContext& ctx, const Emitter& emit);
void sc_unknown_annotation(const RunContext& ctx, const Emitter& emit);
void su_pubsub_not_found(const RunContext& ctx, const Emitter& emit);
void wp_workflow_app_uncovered(const RunContext& ctx, const Emitter& emit);

}  // namespace daprlint
