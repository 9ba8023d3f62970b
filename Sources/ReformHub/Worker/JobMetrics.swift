import GRPCCore
import Metrics
import ReformClient

/// What a worker records of the jobs it runs: `reform_worker_jobs_total` by module, method and
/// status, `reform_worker_job_duration_seconds`, and `reform_worker_jobs_in_flight`. Methods
/// come from the hub, which sends only the module's own; one this worker does not serve is
/// counted as `unknown`.
enum JobMetrics {
  static func record(module: String, method: String, status: Int32, duration: Duration) {
    let code = status == 0 ? "OK" : ReformError.Code(rawValue: Int(status))?.description ?? "UNKNOWN"
    Counter(label: "reform_worker_jobs_total", dimensions: [("module", module), ("method", method), ("code", code)])
      .increment()
    Timer(label: "reform_worker_job_duration_seconds", dimensions: [("module", module), ("method", method)])
      .record(duration: duration)
  }

  static func inFlight(module: String, count: Int) {
    Gauge(label: "reform_worker_jobs_in_flight", dimensions: [("module", module)]).record(count)
  }
}
