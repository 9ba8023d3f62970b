import ReformWire

/// One worker in a sentence, as `workers drain` and `workers resume` confirm what they did.
enum WorkerLine {
  /// E.g. `worker w-3 (diagnostics, pid 4242 on node-a) is draining, 2 jobs in flight`.
  static func describe(_ worker: AdminWorkerInfo) -> String {
    let state = Format.enumName(worker.state.description, prefix: "ADMIN_WORKER_STATE_")
    let jobs = worker.inFlight == 1 ? "1 job" : "\(worker.inFlight) jobs"
    return "worker \(worker.workerId) (\(Format.orDash(worker.module)), pid \(worker.pid) on "
      + "\(Format.orDash(worker.host))) is \(state), \(jobs) in flight"
  }
}
