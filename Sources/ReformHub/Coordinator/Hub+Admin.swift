import GRPCCore
import ReformWire

/// What operators see and do through `reform.v1.Admin`: the workers, the calls in flight and
/// each module's figures; draining, resuming and cancelling.
extension Hub {
  /// Stops sending new jobs to a worker; it finishes those it has.
  func drain(_ workerID: String, reason: String) throws(RPCError) -> AdminWorkerInfo {
    guard let worker = workers[workerID], table.drain(workerID, now: clock.now) else { throw Self.noSuchWorker(workerID) }
    worker.outbound.send(HubFrame(frame: .drain(HubDrain(reason: reason))), lane: .urgent)
    logger.info("worker draining", metadata: ["worker": "\(workerID)", "reason": "\(reason)"])
    healthChanged()
    rescheduleTimer()
    return info(worker)
  }

  /// Sends jobs to a drained worker again.
  func resume(_ workerID: String) throws(RPCError) -> AdminWorkerInfo {
    guard let worker = workers[workerID], table.resume(workerID) else { throw Self.noSuchWorker(workerID) }
    worker.outbound.send(HubFrame(frame: .resume(HubResume(reason: "resumed by an operator"))), lane: .urgent)
    healthChanged()
    dispatch(worker.hello.module)
    return info(worker)
  }

  private static func noSuchWorker(_ id: String) -> RPCError {
    RPCError(code: .notFound, message: "worker_id: no attached worker is called '\(id)'")
  }

  /// An operator cancels a job: its caller gets `CANCELLED`, its worker is told to stop.
  func cancelByOperator(_ id: Int64, reason: String) throws(RPCError) -> AdminJobInfo {
    guard let info = jobs(module: "").first(where: { $0.jobId == id }) else {
      throw RPCError(code: .notFound, message: "job_id: no call in flight has id \(id)")
    }
    stopOnWorker(id, reason: reason)
    finish(id, .failure(.cancelled, "cancelled by an operator: \(reason)"))
    return info
  }

  func workers(module: String) -> [AdminWorkerInfo] {
    workers.values.filter { module.isEmpty || $0.hello.module == module }.sorted { $0.id < $1.id }.map(info)
  }

  private func info(_ worker: WorkerEntry) -> AdminWorkerInfo {
    let load = table.workers[worker.id]
    return AdminWorkerInfo(
      workerId: worker.id, module: worker.hello.module, address: worker.address, pid: worker.hello.pid,
      host: worker.hello.host, state: load?.isDraining == false ? .attached : .draining,
      inFlight: Int32(load?.running.count ?? 0), done: load?.done ?? 0,
      failed: load?.failed ?? 0, lastHeartbeat: Timestamp(worker.lastHeartbeatWall),
      heartbeatAgeMs: (clock.now - worker.lastHeartbeat).inMilliseconds, capacity: Int32(load?.capacity ?? 1),
      version: worker.hello.version, attachedAt: Timestamp(worker.attachedAt))
  }

  func jobs(module: String) -> [AdminJobInfo] {
    jobs.values.filter { module.isEmpty || $0.module == module }.sorted { $0.id < $1.id }.map { job in
      let call = table.calls[job.id]
      return AdminJobInfo(
        jobId: job.id, method: job.method.path, module: job.module, workerId: call?.workerID ?? "",
        state: call?.workerID == nil ? .queued : .running, ageMs: (clock.now - job.submitted).inMilliseconds,
        attempt: call?.attempt ?? 1, caller: job.caller, deadline: job.deadlineWall.map(Timestamp.init),
        itemsSent: call?.itemsSent ?? 0, progressNote: job.progressNote)
    }
  }

  func status(module: String, window: Duration) -> [AdminModuleStatus] {
    ModuleCatalogue.modules.filter { module.isEmpty || $0 == module }.map { name in
      let members = table.workers.values.filter { $0.module == name }
      let stats = statistics[name] ?? ModuleStatistics()
      let summary = stats.summary(window: window, now: clock.now)
      return AdminModuleStatus(
        module: name, workers: Int32(members.count), draining: Int32(members.filter(\.isDraining).count),
        queueDepth: Int32(table.queueDepth(of: name)), queueCapacity: Int32(configuration.queueCapacity),
        inFlight: Int32(table.calls.values.filter { $0.module == name && !$0.isQueued }.count), calls: stats.calls,
        callsPerSecondMilli: summary.callsPerSecondMilli, p50LatencyUs: summary.p50, p99LatencyUs: summary.p99,
        errors: stats.errorsByCode.values.reduce(0, +),
        errorsByCode: stats.errorsByCode.sorted { $0.key < $1.key }.map { AdminStatusCount(statusCode: $0.key, calls: $0.value) })
    }
  }
}
