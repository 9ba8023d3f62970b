import Foundation
import GRPCCore
import Logging
import ReformWire

/// The coordinator's live state: the workers attached over `WorkerHub.Attach`, a bounded queue
/// of jobs per module, and the jobs in flight. Every dispatch decision is made here, on one
/// actor, so no two decisions race.
///
/// ## Topics
/// - ``submit(method:module:payload:timeout:caller:ownUnitLimit:credential:)``: a call becomes a job.
/// - ``credit(_:bytes:)``: the caller's stream took an item; the worker may send another.
/// - ``streamCredentials()``, ``end(_:with:)``: open streams whose credentials no longer hold.
/// - ``attach(_:address:outbound:)``, ``receive(_:from:)``, ``detach(_:reason:)``: the worker side.
/// - ``drain(_:)``, ``resume(_:)``, ``workers(module:)``, ``jobs(module:)``, ``status(module:window:)``: operators.
actor Hub {
  struct Configuration: Sendable {
    var queueCapacity: Int
    var attachWait: Duration
    var heartbeatInterval: Duration
    var version: String
    var streams = StreamLimits()
    /// The most bytes a unary response split over several JobResult frames may add up to:
    /// what the hub gathers for one call is bounded, like everything else it holds.
    var largestResponse = 2 * 64 * 1024 * 1024 + 65_536
  }

  /// Checks again the credentials a stream was admitted under: nil while they hold, the
  /// `UNAUTHENTICATED` error once the token is revoked or expired.
  typealias CredentialCheck = @Sendable () async -> RPCError?

  private struct WorkerEntry {
    let id: String
    let hello: WorkerHello
    let address: String
    let attachedAt: Date
    var state: AdminWorkerState
    /// Jobs sent and not yet answered, cancelled ones included: they hold capacity until the
    /// worker says they are done.
    var running: Set<Int64> = []
    /// The streaming jobs among ``running``: they hold the stream budgets, not capacity.
    var streams: Set<Int64> = []
    var done: Int64 = 0
    var failed: Int64 = 0
    var lastHeartbeat: ContinuousClock.Instant
    var lastHeartbeatWall: Date
    let outbound: PriorityOutbox<HubFrame>

    var capacity: Int { max(1, Int(hello.capacity)) }
    /// Unary jobs running: what the worker's capacity limits.
    var unaryLoad: Int { running.count - streams.count }
    var module: String { hello.module }
  }

  private struct Job {
    let id: Int64
    let method: WireMethodInfo
    let module: String
    let payload: [UInt8]
    let deadline: ContinuousClock.Instant?
    let deadlineWall: Date?
    let caller: Principal?
    let ownUnitLimit: String?
    let credential: CredentialCheck?
    let submitted: ContinuousClock.Instant
    var attempt: Int32 = 1
    var workerID: String?
    var itemsSent: Int64 = 0
    /// Items handed to the caller's relay and not yet written to the caller, and their bytes.
    var itemsBuffered = 0
    var bytesBuffered: Int64 = 0
    /// Credit the caller's writes have earned and the worker has not been sent yet: it goes in
    /// batches of half a window, or at once when the relay has caught up.
    var creditOwed: (items: Int32, bytes: Int64) = (0, 0)
    var partial: [UInt8] = []
    var progressNote = ""
    var cancelling = false
    let events: AsyncStream<JobEvent>.Continuation
  }

  let configuration: Configuration
  private let logger: Logger
  private let clock = ContinuousClock()
  private var workers: [String: WorkerEntry] = [:]
  /// Unary jobs waiting for a worker with room, per module.
  private var queues: [String: [Int64]] = [:]
  /// Streams waiting for a first attached worker, per module: they need no capacity, so they
  /// never wait behind unary jobs.
  private var streamQueues: [String: [Int64]] = [:]
  private var jobs: [Int64: Job] = [:]
  /// Streams whose callers are gone, until their workers say the handlers stopped (see `windDown`).
  private var winding: [Int64: (principal: String, module: String, workerID: String)] = [:]
  private var statistics: [String: ModuleStatistics] = [:]
  private var nextJobID: Int64 = 1
  private var nextWorkerNumber = 1
  private var healthWatchers: [UUID: (service: String, continuation: AsyncStream<HealthCheckResponse.ServingStatus>.Continuation)] = [:]

  init(configuration: Configuration, logger: Logger) {
    self.configuration = configuration
    self.logger = logger
  }

  // MARK: - Calls

  /// Turns a call into a job: queued for the module, sent to the least-loaded live worker as
  /// soon as one has room. A server stream is checked against the stream budgets instead of
  /// waiting for a worker's capacity; `credential` lets ``streamCredentials()`` check its
  /// token again while it stays open.
  ///
  /// - Throws: `RESOURCE_EXHAUSTED` when the module's queue is full, or a stream would pass
  ///   the caller's or the module's stream budget.
  func submit(
    method: WireMethodInfo, module: String, payload: [UInt8], timeout: Duration?, caller: Principal?,
    ownUnitLimit: String? = nil, credential: CredentialCheck? = nil
  ) throws(RPCError) -> (id: Int64, events: AsyncStream<JobEvent>) {
    let queued = queues[module, default: []].count + streamQueues[module, default: []].count
    guard queued < configuration.queueCapacity else {
      throw RPCError(
        code: .resourceExhausted,
        message: "the queue of module '\(module)' is full (\(configuration.queueCapacity) calls waiting); retry later")
    }
    if method.serverStreaming { try checkStreamBudgets(module: module, caller: caller) }
    let (events, continuation) = AsyncStream.makeStream(of: JobEvent.self)
    let now = clock.now
    let id = nextJobID
    nextJobID += 1
    jobs[id] = Job(
      id: id, method: method, module: module, payload: payload,
      deadline: timeout.map { now + $0 }, deadlineWall: timeout.map { Date().addingTimeInterval($0.inSeconds) },
      caller: caller, ownUnitLimit: ownUnitLimit, credential: method.serverStreaming ? credential : nil, submitted: now,
      events: continuation)
    if method.serverStreaming { streamQueues[module, default: []].append(id) } else { queues[module, default: []].append(id) }
    dispatch(module)
    if jobs[id]?.workerID == nil { scheduleExpiry(of: id) }
    return (id, events)
  }

  /// The caller has gone (cancelled, or its deadline passed): forget the job and tell its
  /// worker to stop.
  func cancel(_ id: Int64, reason: String) {
    guard let job = jobs.removeValue(forKey: id) else { return }
    job.events.finish()
    if let workerID = job.workerID, let worker = workers[workerID] {
      worker.outbound.send(HubFrame(frame: .cancel(HubCancel(jobId: id, reason: reason, statusCode: 1))), lane: .urgent)
      windDown(job, on: workerID)
    } else {
      unqueue(id, of: job.module)
    }
  }

  private func unqueue(_ id: Int64, of module: String) {
    queues[module]?.removeAll { $0 == id }
    streamQueues[module]?.removeAll { $0 == id }
  }

  /// A stream whose caller is gone but whose handler the worker has not yet stopped still
  /// counts against its principal's and module's budgets, until the worker's result says it
  /// stopped: otherwise opening and dropping streams would keep any number of handlers busy.
  private func windDown(_ job: Job, on workerID: String) {
    guard job.method.serverStreaming else { return }
    winding[job.id] = (job.caller?.id ?? "", job.module, workerID)
  }

  /// The stream budgets: open streams (queued or running) of the caller, and of the module,
  /// with those still winding down in a worker.
  private func checkStreamBudgets(module: String, caller: Principal?) throws(RPCError) {
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
    guard var job = jobs[id], let workerID = job.workerID else { return }
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

  /// Once no call is in flight, lets every worker go: their attachments are streams too, and
  /// would hold a shutting-down coordinator open. They re-attach to the next coordinator.
  func releaseWorkersWhenIdle() async {
    while !jobs.isEmpty { try? await Task.sleep(for: .milliseconds(50)) }
    for id in workers.keys { detach(id, reason: "the coordinator is shutting down") }
  }

  /// Ends a stream whose credentials no longer hold: its caller gets `error`, its worker is
  /// told to stop.
  func end(_ id: Int64, with error: RPCError) {
    guard let job = jobs[id] else { return }
    if let workerID = job.workerID {
      workers[workerID]?.outbound.send(HubFrame(frame: .cancel(HubCancel(jobId: id, reason: error.message, statusCode: 1))), lane: .urgent)
      windDown(job, on: workerID)
    }
    finish(id, .failure(error.code, error.message))
  }

  /// An operator cancels a job: its caller gets `CANCELLED`, its worker is told to stop.
  func cancelByOperator(_ id: Int64, reason: String) throws(RPCError) -> AdminJobInfo {
    guard let info = jobs(module: "").first(where: { $0.jobId == id }), let job = jobs[id] else {
      throw RPCError(code: .notFound, message: "job_id: no call in flight has id \(id)")
    }
    if let workerID = job.workerID {
      workers[workerID]?.outbound.send(HubFrame(frame: .cancel(HubCancel(jobId: id, reason: reason, statusCode: 1))), lane: .urgent)
      windDown(job, on: workerID)
    }
    finish(id, .failure(.cancelled, "cancelled by an operator: \(reason)"))
    return info
  }

  /// A job still waiting when its deadline (or the wait for a first worker) runs out ends with
  /// `UNAVAILABLE` if no worker of its module is attached, `DEADLINE_EXCEEDED` otherwise.
  private func scheduleExpiry(of id: Int64) {
    guard let job = jobs[id] else { return }
    var until = job.deadline
    if !hasLiveWorker(job.module) {
      let attachLimit = clock.now + configuration.attachWait
      until = min(until ?? attachLimit, attachLimit)
    }
    guard let until else { return }
    // Every call has a deadline (at most --max-deadline, a day by default): the timer wakes at
    // least once a second and stops as soon as the job has left the queue, rather than
    // sleeping out a day for each call that ever waited for a worker.
    Task { [weak self] in
      while let self, await self.isQueued(id), ContinuousClock.now < until {
        try? await Task.sleep(until: min(until, ContinuousClock.now + .seconds(1)), clock: .continuous)
      }
      await self?.expire(id)
    }
  }

  /// Whether the job still waits for a worker.
  private func isQueued(_ id: Int64) -> Bool {
    jobs[id].map { $0.workerID == nil } ?? false
  }

  private func expire(_ id: Int64) {
    guard let job = jobs[id], job.workerID == nil else { return }
    if !hasLiveWorker(job.module) {
      finish(id, .failure(.unavailable, "no worker of module '\(job.module)' is attached; \(job.method.path) could not run"))
    } else if let deadline = job.deadline, clock.now >= deadline {
      finish(id, .failure(.deadlineExceeded, "the deadline passed while \(job.method.path) waited for a free worker of module '\(job.module)'"))
    } else {
      scheduleExpiry(of: id)
    }
  }

  /// When a module has lost its last live worker, every call waiting for it gets the attach
  /// wait: it ends with `UNAVAILABLE` unless a worker comes back in time.
  private func armExpiriesIfOrphaned(_ module: String) {
    guard !hasLiveWorker(module) else { return }
    for id in queues[module, default: []] + streamQueues[module, default: []] where jobs[id]?.workerID == nil {
      scheduleExpiry(of: id)
    }
  }

  private func hasLiveWorker(_ module: String) -> Bool {
    workers.values.contains { $0.module == module && $0.state == .attached }
  }

  /// Sends queued jobs of the module to workers, least loaded first: a stream to any attached
  /// worker (the stream budgets bound those), a unary job to a worker with room within its
  /// capacity.
  private func dispatch(_ module: String) {
    while var queue = streamQueues[module], !queue.isEmpty {
      let candidates = workers.values.filter { $0.module == module && $0.state == .attached }
      guard let worker = candidates.min(by: { ($0.running.count, $0.done) < ($1.running.count, $1.done) }) else { break }
      let id = queue.removeFirst()
      streamQueues[module] = queue
      send(id, to: worker)
    }
    while var queue = queues[module], !queue.isEmpty {
      let candidates = workers.values.filter { $0.module == module && $0.state == .attached && $0.unaryLoad < $0.capacity }
      guard let worker = candidates.min(by: { ($0.running.count, $0.done) < ($1.running.count, $1.done) }) else { return }
      let id = queue.removeFirst()
      queues[module] = queue
      send(id, to: worker)
    }
  }

  private func send(_ id: Int64, to worker: WorkerEntry) {
    guard var job = jobs[id], job.workerID == nil else { return }
    job.workerID = worker.id
    jobs[id] = job
    workers[worker.id]?.running.insert(id)
    if job.method.serverStreaming { workers[worker.id]?.streams.insert(id) }
    worker.outbound.send(HubFrame(frame: .job(HubJob(
      jobId: id, method: job.method.path, payload: job.payload,
      attempt: job.attempt, caller: job.caller,
      ownUnitLimit: job.ownUnitLimit ?? "",
      timeLeft: job.deadline.map { TimeLeft(milliseconds: max(.zero, $0 - clock.now).inMilliseconds) }))), lane: .reply)
  }

  private func finish(_ id: Int64, _ outcome: JobOutcome) {
    guard let job = jobs.removeValue(forKey: id) else { return }
    unqueue(id, of: job.module)
    let status = Int32(outcome.code.map { Status.Code($0).rawValue } ?? 0)
    statistics[job.module, default: ModuleStatistics()].record(latency: clock.now - job.submitted, status: status, at: clock.now)
    job.events.yield(.finished(outcome))
    job.events.finish()
  }

  // MARK: - Workers

  /// Registers a worker that said hello; returns its id. The worker's welcome goes out first.
  ///
  /// - Throws: `INVALID_ARGUMENT` when the module is unknown or it claims a method its module
  ///   does not have.
  func attach(_ hello: WorkerHello, address: String, outbound: PriorityOutbox<HubFrame>) throws(RPCError) -> String {
    guard ModuleCatalogue.services[hello.module] != nil else {
      throw RPCError(code: .invalidArgument, message: "hello.module '\(hello.module)' is not a module; expected one of \(ModuleCatalogue.modules.joined(separator: ", "))")
    }
    let known = Set(ModuleCatalogue.methods(of: hello.module).map(\.path))
    if let stranger = hello.methods.first(where: { !known.contains($0) }) {
      throw RPCError(code: .invalidArgument, message: "hello.methods: '\(stranger)' is not a method of module '\(hello.module)'")
    }
    let id = "\(hello.module)-\(nextWorkerNumber)"
    nextWorkerNumber += 1
    workers[id] = WorkerEntry(
      id: id, hello: hello, address: address, attachedAt: Date(), state: .attached,
      lastHeartbeat: clock.now, lastHeartbeatWall: Date(), outbound: outbound)
    outbound.send(HubFrame(frame: .welcome(HubWelcome(
      workerId: id, heartbeatIntervalMs: Int32(configuration.heartbeatInterval.inMilliseconds),
      hubVersion: configuration.version, streamWindowBytes: Int64(configuration.streams.windowBytes),
      streamWindowItems: Int32(clamping: configuration.streams.windowItems)))), lane: .urgent)
    logger.info("worker attached", metadata: ["worker": "\(id)", "pid": "\(hello.pid)", "host": "\(hello.host)", "capacity": "\(hello.capacity)"])
    healthChanged()
    dispatch(hello.module)
    return id
  }

  /// Handles one frame from an attached worker. Any frame is a sign of life, not only a
  /// heartbeat: a worker busy sending large items stays attached.
  func receive(_ frame: WorkerFrame, from workerID: String) {
    guard workers[workerID] != nil else { return }
    workers[workerID]?.lastHeartbeat = clock.now
    workers[workerID]?.lastHeartbeatWall = Date()
    switch frame.frame {
    case .result(let result):
      workers[workerID]?.running.remove(result.jobId)
      workers[workerID]?.streams.remove(result.jobId)
      if result.end { winding[result.jobId] = nil }
      if var job = jobs[result.jobId], job.workerID == workerID {
        if result.end {
          var outcome = JobOutcome(status: result.statusCode, message: result.message, payload: job.partial + result.payload)
          outcome.auditTarget = result.auditTarget
          outcome.auditUnit = result.auditUnit
          if outcome.code == nil { workers[workerID]?.done += 1 } else { workers[workerID]?.failed += 1 }
          finish(result.jobId, outcome)
        } else if job.partial.count + result.payload.count > configuration.largestResponse {
          workers[workerID]?.outbound.send(
            HubFrame(frame: .cancel(HubCancel(jobId: job.id, reason: "response too large", statusCode: 8))), lane: .reply)
          finish(
            result.jobId,
            .failure(.resourceExhausted, "the response of \(job.method.path) is over \(configuration.largestResponse) bytes"))
        } else {
          job.partial += result.payload
          jobs[result.jobId] = job
        }
      }
      if let module = workers[workerID]?.module { dispatch(module) }
    case .item(let item):
      guard var job = jobs[item.jobId], job.workerID == workerID else { return }
      job.itemsSent += 1
      job.itemsBuffered += 1
      job.bytesBuffered += Int64(item.payload.count)
      // A worker keeps within the window it was given (one item larger than the window goes
      // alone). One that does not — another network's host, a broken build — would grow this
      // process without bound behind a caller that never reads: it is let go.
      let window = configuration.streams
      if job.itemsBuffered > window.windowItems || (job.itemsBuffered > 1 && job.bytesBuffered > Int64(window.windowBytes)) {
        jobs[item.jobId] = job
        detach(workerID, reason: "it sent stream items past the flow-control window (\(job.itemsBuffered) items, \(job.bytesBuffered) bytes unread)")
        return
      }
      jobs[item.jobId] = job
      job.events.yield(.item(item.payload))
    case .progress(let progress):
      jobs[progress.jobId]?.progressNote = progress.note
    case .heartbeat:
      break
    case .leaving(let leaving):
      workers[workerID]?.state = .draining
      logger.info("worker leaving", metadata: ["worker": "\(workerID)", "reason": "\(leaving.reason)"])
      healthChanged()
      if let module = workers[workerID]?.module { armExpiriesIfOrphaned(module) }
    case .hello, nil:
      break
    }
  }

  /// The most workers one call is given: a request that makes every worker it reaches go away
  /// must not take the module's workers down one after another.
  static let maxAttempts: Int32 = 3

  /// A worker's stream ended or it stopped heart-beating. Its running jobs go to another
  /// worker when the method is safe to repeat, nothing was streamed yet and fewer than
  /// ``maxAttempts`` workers had it; the others end with `UNAVAILABLE`: never a silent
  /// duplicate.
  func detach(_ workerID: String, reason: String) {
    guard let worker = workers.removeValue(forKey: workerID) else { return }
    worker.outbound.finish()
    winding = winding.filter { $0.value.workerID != workerID }
    var requeued: [Int64] = []
    for id in worker.running.sorted() {
      guard var job = jobs[id], job.workerID == workerID else { continue }
      if job.method.isSafeToRepeat && job.itemsSent == 0 && job.attempt < Self.maxAttempts {
        job.workerID = nil
        job.attempt += 1
        job.partial = []
        jobs[id] = job
        requeued.append(id)
      } else {
        let why =
          if job.itemsSent > 0 {
            "it had already streamed \(job.itemsSent) items"
          } else if !job.method.isSafeToRepeat {
            "\(job.method.path) is not safe to repeat and may have taken effect"
          } else {
            "each of the \(job.attempt) workers it was given went away while running it"
          }
        finish(id, .failure(.unavailable, "worker \(workerID) of module '\(job.module)' went away while running this call; not retried because \(why)"))
      }
    }
    let streams = requeued.filter { jobs[$0]?.method.serverStreaming == true }
    queues[worker.module, default: []].insert(contentsOf: requeued.filter { !streams.contains($0) }, at: 0)
    streamQueues[worker.module, default: []].insert(contentsOf: streams, at: 0)
    logger.warning("worker detached", metadata: ["worker": "\(workerID)", "reason": "\(reason)", "requeued": "\(requeued.count)"])
    healthChanged()
    dispatch(worker.module)
    armExpiriesIfOrphaned(worker.module)
  }

  /// Detaches workers that missed heart-beats for five intervals.
  func reapSilentWorkers() {
    let limit = configuration.heartbeatInterval * 5
    for worker in workers.values where clock.now - worker.lastHeartbeat > limit {
      detach(worker.id, reason: "no heartbeat for \((clock.now - worker.lastHeartbeat).inMilliseconds) ms")
    }
  }

  /// Stops sending new jobs to a worker; it finishes those it has.
  func drain(_ workerID: String, reason: String) throws(RPCError) -> AdminWorkerInfo {
    guard workers[workerID] != nil else { throw Self.noSuchWorker(workerID) }
    workers[workerID]?.state = .draining
    workers[workerID]?.outbound.send(HubFrame(frame: .drain(HubDrain(reason: reason))), lane: .urgent)
    logger.info("worker draining", metadata: ["worker": "\(workerID)", "reason": "\(reason)"])
    healthChanged()
    armExpiriesIfOrphaned(workers[workerID]!.module)
    return info(workers[workerID]!)
  }

  /// Sends jobs to a drained worker again.
  func resume(_ workerID: String) throws(RPCError) -> AdminWorkerInfo {
    guard let worker = workers[workerID] else { throw Self.noSuchWorker(workerID) }
    workers[workerID]?.state = .attached
    worker.outbound.send(HubFrame(frame: .resume(HubResume(reason: "resumed by an operator"))), lane: .urgent)
    healthChanged()
    dispatch(worker.module)
    return info(workers[workerID]!)
  }

  private static func noSuchWorker(_ id: String) -> RPCError {
    RPCError(code: .notFound, message: "worker_id: no attached worker is called '\(id)'")
  }

  // MARK: - Operators

  func workers(module: String) -> [AdminWorkerInfo] {
    workers.values.filter { module.isEmpty || $0.module == module }.sorted { $0.id < $1.id }.map(info)
  }

  private func info(_ worker: WorkerEntry) -> AdminWorkerInfo {
    AdminWorkerInfo(
      workerId: worker.id, module: worker.module, address: worker.address, pid: worker.hello.pid,
      host: worker.hello.host, state: worker.state, inFlight: Int32(worker.running.count), done: worker.done,
      failed: worker.failed, lastHeartbeat: Timestamp(worker.lastHeartbeatWall),
      heartbeatAgeMs: (clock.now - worker.lastHeartbeat).inMilliseconds, capacity: Int32(worker.capacity),
      version: worker.hello.version, attachedAt: Timestamp(worker.attachedAt))
  }

  func jobs(module: String) -> [AdminJobInfo] {
    jobs.values.filter { module.isEmpty || $0.module == module }.sorted { $0.id < $1.id }.map { job in
      AdminJobInfo(
        jobId: job.id, method: job.method.path, module: job.module, workerId: job.workerID ?? "",
        state: job.workerID == nil ? .queued : .running, ageMs: (clock.now - job.submitted).inMilliseconds,
        attempt: job.attempt, caller: job.caller, deadline: job.deadlineWall.map(Timestamp.init),
        itemsSent: job.itemsSent, progressNote: job.progressNote)
    }
  }

  func status(module: String, window: Duration) -> [AdminModuleStatus] {
    ModuleCatalogue.modules.filter { module.isEmpty || $0 == module }.map { name in
      let members = workers.values.filter { $0.module == name }
      let stats = statistics[name] ?? ModuleStatistics()
      let summary = stats.summary(window: window, now: clock.now)
      return AdminModuleStatus(
        module: name, workers: Int32(members.count), draining: Int32(members.filter { $0.state == .draining }.count),
        queueDepth: Int32(queues[name, default: []].count + streamQueues[name, default: []].count), queueCapacity: Int32(configuration.queueCapacity),
        inFlight: Int32(jobs.values.filter { $0.module == name && $0.workerID != nil }.count), calls: stats.calls,
        callsPerSecondMilli: summary.callsPerSecondMilli, p50LatencyUs: summary.p50, p99LatencyUs: summary.p99,
        errors: stats.errorsByCode.values.reduce(0, +),
        errorsByCode: stats.errorsByCode.sorted { $0.key < $1.key }.map { AdminStatusCount(statusCode: $0.key, calls: $0.value) })
    }
  }

  // MARK: - Health

  /// `SERVING` for the whole server (`""`), for the coordinator's own services, and for a
  /// module's service while one of its workers is attached; nil for a service nobody serves.
  func health(of service: String) -> HealthCheckResponse.ServingStatus? {
    if service.isEmpty || [HealthService.name, AdminService.name, WorkerHubService.name].contains(service) {
      return .serving
    }
    guard let module = ModuleCatalogue.module(owning: service) else { return nil }
    return hasLiveWorker(module) ? .serving : .notServing
  }

  /// The service's status now and after every change, until the stream is dropped.
  func watchHealth(of service: String) -> AsyncStream<HealthCheckResponse.ServingStatus> {
    let (stream, continuation) = AsyncStream.makeStream(of: HealthCheckResponse.ServingStatus.self)
    let key = UUID()
    healthWatchers[key] = (service, continuation)
    continuation.yield(health(of: service) ?? .serviceUnknown)
    continuation.onTermination = { [weak self] _ in Task { await self?.stopWatching(key) } }
    return stream
  }

  private func stopWatching(_ key: UUID) { healthWatchers[key] = nil }

  private func healthChanged() {
    for watcher in healthWatchers.values {
      watcher.continuation.yield(health(of: watcher.service) ?? .serviceUnknown)
    }
  }
}
