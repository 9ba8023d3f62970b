/// Every metric Reform records, with the help Prometheus shows for it. A name recorded through
/// swift-metrics that is not here is still exported, without help; the tests keep the two
/// in step, and hold the dashboard and the alert rules to these names.
public enum MetricCatalogue {
  public static let help: [String: String] = [
    // The coordinator.
    "reform_rpc_calls_total": "Calls the coordinator answered, by service, method and final gRPC status.",
    "reform_rpc_duration_seconds": "Time from a call's arrival at the coordinator to its last message.",
    "reform_queue_depth": "Calls waiting for a worker of the module.",
    "reform_queue_oldest_age_seconds": "How long the module's oldest waiting call has waited; 0 when none waits.",
    "reform_jobs_in_flight": "Calls of the module running on its workers.",
    "reform_workers": "Workers of the module attached to the coordinator, by state (attached or draining).",
    "reform_redispatches_total": "Calls sent to another worker after the worker running them went away.",
    "reform_rate_limited_total": "Calls refused by the per-token rate limit.",
    // Workers.
    "reform_worker_jobs_total": "Jobs the worker ran, by module, method and final gRPC status.",
    "reform_worker_job_duration_seconds": "Time a job ran in the worker.",
    "reform_worker_jobs_in_flight": "Jobs running in the worker.",
    // Stores, in workers and in the coordinator.
    "reform_store_operation_duration_seconds": "Time of a store operation (a read, or a write transaction with its retries).",
    "reform_store_busy_total": "Store operations given up as busy; the caller got the retryable UNAVAILABLE.",
    "reform_store_retries_total": "PostgreSQL transactions run again after a deadlock or a serialization failure.",
    // Every process.
    "process_resident_memory_bytes": "Resident memory of the process.",
  ]
}
