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

  init(session: ConsoleSession, status: AdminStatusResponse, workers: [AdminWorkerInfo]) {
    self.session = SessionView(session)
    let info = status.coordinator
    coordinator = info.map { "\($0.host) (pid \($0.pid), \($0.version))" } ?? "—"
    time = ConsoleText.time(status.time)
    modules = status.modules.map { module in
      Module(
        name: module.module, workers: module.workers, draining: module.draining,
        queue: "\(module.queueDepth)/\(module.queueCapacity)", inFlight: module.inFlight, calls: module.calls,
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
}
