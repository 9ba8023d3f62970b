import GRPCCore
import ReformWire

/// Server streams between a worker and their callers: the budgets that bound how many are
/// open, the credit that paces a worker to its caller, and ending streams whose credentials
/// lapsed or whose coordinator is shutting down.
extension Hub {
  /// A stream whose caller is gone but whose handler the worker has not yet stopped still
  /// counts against its principal's and module's budgets, until the worker's result says it
  /// stopped: otherwise opening and dropping streams would keep any number of handlers busy.
  func windDown(_ job: Job, on workerID: String) {
    guard job.method.serverStreaming else { return }
    winding[job.id] = (job.caller?.id ?? "", job.module, workerID)
  }

  /// The stream budgets: open streams (queued or running) of the caller, and of the module,
  /// with those still winding down in a worker.
  func checkStreamBudgets(module: String, caller: Principal?) throws(RPCError) {
    let limits = configuration.streams
    let streams = jobs.values.filter { $0.method.serverStreaming }
    let principal = caller?.id ?? ""
    let mine = streams.count { ($0.caller?.id ?? "") == principal } + winding.values.count { $0.principal == principal }
    guard mine < limits.perPrincipal else {
      throw RPCError(
        code: .resourceExhausted,
        message: "stream budget: principal '\(principal)' already has \(mine) streams open, the most --max-streams-per-principal allows (\(limits.perPrincipal)); close one, or retry later")
    }
    let moduleStreams = streams.count { $0.module == module } + winding.values.count { $0.module == module }
    guard moduleStreams < limits.perModule else {
      throw RPCError(
        code: .resourceExhausted,
        message: "stream budget: module '\(module)' already has \(moduleStreams) streams open, the most --max-streams-per-module allows (\(limits.perModule)); retry later")
    }
  }

  /// The caller's stream accepted an item of `bytes` bytes: its worker may send as much again.
  /// Credit goes back in batches of half a window, or as soon as every item received has been
  /// written (so a worker waiting for credit always gets it), ahead of any job waiting to be
  /// sent to the worker.
  func credit(_ id: Int64, bytes: Int) {
    guard var job = jobs[id], let workerID = table.calls[id]?.workerID else { return }
    job.itemsBuffered = max(0, job.itemsBuffered - 1)
    job.bytesBuffered = max(0, job.bytesBuffered - Int64(bytes))
    job.creditOwed.items += 1
    job.creditOwed.bytes += Int64(bytes)
    let limits = configuration.streams
    let due =
      job.itemsBuffered == 0 || Int(job.creditOwed.items) * 2 >= limits.windowItems
      || job.creditOwed.bytes * 2 >= Int64(limits.windowBytes)
    if due {
      workers[workerID]?.outbound.send(
        HubFrame(frame: .credit(HubCredit(jobId: id, items: job.creditOwed.items, bytes: job.creditOwed.bytes))), lane: .urgent)
      job.creditOwed = (0, 0)
    }
    jobs[id] = job
  }

  /// The open streams, each with the check of the credentials it was admitted under.
  func streamCredentials() -> [(id: Int64, check: CredentialCheck)] {
    jobs.values.compactMap { job in job.credential.map { (job.id, $0) } }
  }

  /// Ends every open stream with `UNAVAILABLE`: the coordinator is shutting down, and a stream
  /// (a watch) would otherwise hold it open for as long as its caller stays.
  func endStreams(because reason: String) {
    for job in jobs.values where job.method.serverStreaming {
      end(job.id, with: RPCError(code: .unavailable, message: "\(reason); resume the stream later"))
    }
  }

  /// Ends a stream whose credentials no longer hold: its caller gets `error`, its worker is
  /// told to stop.
  func end(_ id: Int64, with error: RPCError) {
    stopOnWorker(id, reason: error.message)
    finish(id, .failure(error.code, error.message))
  }
}
