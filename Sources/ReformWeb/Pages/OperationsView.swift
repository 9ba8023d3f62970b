import ReformWire

/// Vận hành: each module's queue and latency, and each worker with a drain or resume form.
struct OperationsView: Sendable {
  struct Module: Sendable {
    let name: String
    let workers: Int32
    let draining: Int32
    let queue: String
    let inFlight: Int32
    let calls: Int64
    /// Calls per second since the previous sample of a live page; `—` on a page as loaded.
    let rate: String
    let errors: Int64
    let p50: String
    let p99: String
  }

  struct Worker: Sendable {
    let id: String
    let module: String
    let state: String
    /// `met` while it takes jobs, `not-met` while drained: the report's colours.
    let stateClass: String
    let inFlight: Int32
    let capacity: Int32
    let done: Int64
    let failed: Int64
    let heartbeat: String
    let canDrain: Bool
    let canResume: Bool
    let formToken: String
  }

  let session: SessionView
  let coordinator: String
  let time: String
  let modules: [Module]
  let workers: [Worker]

  /// Each module's call count when the view was made, for the next sample's rate.
  let sample: Sample

  struct Sample: Sendable {
    let calls: [String: Int64]
    let at: ContinuousClock.Instant
  }

  init(session: ConsoleSession, status: AdminStatusResponse, workers: [AdminWorkerInfo], previous: Sample? = nil) {
    let now = ContinuousClock.now
    sample = Sample(calls: Dictionary(status.modules.map { ($0.module, $0.calls) }, uniquingKeysWith: { first, _ in first }), at: now)
    let elapsed = previous.map { ($0.at.duration(to: now)).seconds } ?? 0
    self.session = SessionView(session)
    let info = status.coordinator
    coordinator = info.map { "\($0.host) (pid \($0.pid), \($0.version))" } ?? "—"
    time = ConsoleText.time(status.time)
    modules = status.modules.map { module in
      Module(
        name: module.module, workers: module.workers, draining: module.draining,
        queue: "\(module.queueDepth)/\(module.queueCapacity)", inFlight: module.inFlight, calls: module.calls,
        rate: Self.rate(now: module.calls, before: previous?.calls[module.module], seconds: elapsed),
        errors: module.errors, p50: ConsoleText.milliseconds(module.p50LatencyUs),
        p99: ConsoleText.milliseconds(module.p99LatencyUs))
    }
    self.workers = workers.map { worker in
      Worker(
        id: worker.workerId, module: worker.module, state: ConsoleText.workerState(worker.state),
        stateClass: worker.state == .attached ? "met" : "not-met", inFlight: worker.inFlight, capacity: worker.capacity,
        done: worker.done, failed: worker.failed,
        heartbeat: "\(ConsoleText.time(worker.lastHeartbeat)) (\(worker.heartbeatAgeMs / 1000) giây trước)",
        canDrain: worker.state == .attached, canResume: worker.state == .draining, formToken: session.formToken)
    }
  }

  /// Calls per second between two samples, one decimal; `—` without an earlier sample, or
  /// when the count went down (the coordinator restarted).
  static func rate(now: Int64, before: Int64?, seconds: Double) -> String {
    guard let before, seconds > 0, now >= before else { return "—" }
    return String(format: "%.1f", Double(now - before) / seconds).replacingOccurrences(of: ".", with: ",")
  }
}
