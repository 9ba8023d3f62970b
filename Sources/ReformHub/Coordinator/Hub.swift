import Foundation
import GRPCCore
import Logging
import Metrics
import ReformWire

/// The coordinator's live state: the workers attached over `WorkerHub.Attach`, the calls
/// queued and in flight, and what travels between them. Where a call goes, and when one has
/// waited too long, is decided by its ``DispatchTable``; the hub carries the decisions out —
/// jobs and cancels to workers, items and outcomes to callers — on one actor, so no two
/// decisions race.
///
/// ## Topics
/// - ``submit(method:module:payload:timeout:caller:ownUnitLimit:credential:)``: a call becomes a job.
/// - `Hub+Streams.swift`: ``credit(_:bytes:)``, the stream budgets, ``streamCredentials()``, ``end(_:with:)``, ``endStreams(because:)``.
/// - ``attach(_:address:outbound:)``, ``receive(_:from:)``, ``detach(_:reason:)``: the worker side.
/// - ``runTimer()``: the one timer, which ends calls that waited too long.
/// - `Hub+Admin.swift`: ``drain(_:reason:)``, ``resume(_:)``, ``workers(module:)``, ``jobs(module:)``, ``status(module:window:)``: operators.
/// - `Hub+Health.swift`: ``health(of:)``, ``watchHealth(of:)``.
actor Hub {
  struct Configuration: Sendable {
    var queueCapacity: Int
    var attachWait: Duration
    var heartbeatInterval: Duration
    /// A worker silent this long is detached: ``CoordinatorConfiguration/silenceLimit``.
    var silenceLimit: Duration = .seconds(15)
    var version: String
    var streams = StreamLimits()
    /// The most bytes a unary response split over several JobResult frames may add up to:
    /// what the hub gathers for one call is bounded, like everything else it holds.
    var largestResponse = 2 * 64 * 1024 * 1024 + 65_536
  }

  /// Checks again the credentials a stream was admitted under: nil while they hold, the
  /// `UNAUTHENTICATED` error once the token is revoked or expired.
  typealias CredentialCheck = @Sendable () async -> RPCError?

  /// An attached worker's connection; its load and state are in ``table``.
  struct WorkerEntry {
    let id: String
    let hello: WorkerHello
    let address: String
    let attachedAt: Date
    var lastHeartbeat: ContinuousClock.Instant
    var lastHeartbeatWall: Date
    let outbound: PriorityOutbox<HubFrame>
  }

  /// What the hub holds of a call besides its place in ``table``: the request, the caller, and
  /// the response on its way back.
  struct Job {
    let id: Int64
    let method: WireMethodInfo
    let module: String
    let payload: [UInt8]
    let deadlineWall: Date?
    let caller: Principal?
    let ownUnitLimit: String?
    let credential: CredentialCheck?
    let submitted: ContinuousClock.Instant
    /// The W3C `traceparent` the worker runs the job under.
    let traceParent: String
    /// Items handed to the caller's relay and not yet written to the caller, and their bytes.
    var itemsBuffered = 0
    var bytesBuffered: Int64 = 0
    /// Credit the caller's writes have earned and the worker has not been sent yet: it goes in
    /// batches of half a window, or at once when the relay has caught up.
    var creditOwed: (items: Int32, bytes: Int64) = (0, 0)
    var partial: [UInt8] = []
    var progressNote = ""
    let events: AsyncStream<JobEvent>.Continuation
  }

  let configuration: Configuration
  let logger: Logger
  let clock = ContinuousClock()
  /// Which worker runs which call; see ``DispatchTable``.
  var table: DispatchTable
  var workers: [String: WorkerEntry] = [:]
  var jobs: [Int64: Job] = [:]
  /// Streams whose callers are gone, until their workers say the handlers stopped (see `windDown`).
  var winding: [Int64: (principal: String, module: String, workerID: String)] = [:]
  var statistics: [String: ModuleStatistics] = [:]
  var healthWatchers = HealthWatchers()
  /// Wakes ``runTimer()`` when a call comes due before the instant it sleeps towards.
  private let alarm = Alarm()
  /// The instant ``runTimer()`` sleeps towards; nil while no waiting call has one.
  private var alarmSetFor: ContinuousClock.Instant?

  init(configuration: Configuration, logger: Logger) {
    self.configuration = configuration
    self.logger = logger
    self.table = DispatchTable(queueCapacity: configuration.queueCapacity, attachWait: configuration.attachWait)
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
    ownUnitLimit: String? = nil, credential: CredentialCheck? = nil, traceParent: String = ""
  ) throws(RPCError) -> (id: Int64, events: AsyncStream<JobEvent>) {
    guard !table.isQueueFull(module) else { throw queueFull(module) }
    if method.serverStreaming { try checkStreamBudgets(module: module, caller: caller) }
    let now = clock.now
    guard let id = table.submit(
      module: module, isStream: method.serverStreaming, isSafeToRepeat: method.isSafeToRepeat,
      deadline: timeout.map { now + $0 }, now: now)
    else { throw queueFull(module) }
    let (events, continuation) = AsyncStream.makeStream(of: JobEvent.self)
    jobs[id] = Job(
      id: id, method: method, module: module, payload: payload,
      deadlineWall: timeout.map { Date().addingTimeInterval($0.inSeconds) },
      caller: caller, ownUnitLimit: ownUnitLimit, credential: method.serverStreaming ? credential : nil, submitted: now,
      traceParent: traceParent, events: continuation)
    dispatch(module)
    if let call = table.calls[id], call.isQueued { wakeTimer(for: call.expiry) }
    return (id, events)
  }

  private func queueFull(_ module: String) -> RPCError {
    RPCError(
      code: .resourceExhausted,
      message: "the queue of module '\(module)' is full (\(configuration.queueCapacity) calls waiting); retry later")
  }

  /// The caller has gone (cancelled, or its deadline passed): forget the job and tell its
  /// worker to stop.
  func cancel(_ id: Int64, reason: String) {
    guard let job = jobs.removeValue(forKey: id) else { return }
    let call = table.remove(id)
    job.events.finish()
    if let workerID = call?.workerID, let worker = workers[workerID] {
      worker.outbound.send(HubFrame(frame: .cancel(HubCancel(jobId: id, reason: reason, statusCode: 1))), lane: .urgent)
      windDown(job, on: workerID)
    }
  }

  /// Tells the worker running the job, if any, to stop it, with `reason`.
  func stopOnWorker(_ id: Int64, reason: String) {
    guard let job = jobs[id], let workerID = table.calls[id]?.workerID else { return }
    workers[workerID]?.outbound.send(HubFrame(frame: .cancel(HubCancel(jobId: id, reason: reason, statusCode: 1))), lane: .urgent)
    windDown(job, on: workerID)
  }

  /// Once no call is in flight, lets every worker go: their attachments are streams too, and
  /// would hold a shutting-down coordinator open. They re-attach to the next coordinator.
  func releaseWorkersWhenIdle() async {
    while !jobs.isEmpty { try? await Task.sleep(for: .milliseconds(50)) }
    for id in workers.keys { detach(id, reason: "the coordinator is shutting down") }
  }

  /// Sends the module's waiting calls to the workers its table chooses.
  func dispatch(_ module: String) {
    for assignment in table.dispatch(module) {
      guard let job = jobs[assignment.call], let worker = workers[assignment.worker],
        let call = table.calls[assignment.call]
      else { continue }
      worker.outbound.send(HubFrame(frame: .job(HubJob(
        jobId: job.id, method: job.method.path, payload: job.payload, attempt: call.attempt, caller: job.caller,
        ownUnitLimit: job.ownUnitLimit ?? "",
        timeLeft: call.deadline.map { TimeLeft(milliseconds: max(.zero, $0 - clock.now).inMilliseconds) },
        traceParent: job.traceParent))), lane: .reply)
    }
  }

  func finish(_ id: Int64, _ outcome: JobOutcome) {
    table.remove(id)
    guard let job = jobs.removeValue(forKey: id) else { return }
    let status = Int32(outcome.code.map { Status.Code($0).rawValue } ?? 0)
    statistics[job.module, default: ModuleStatistics()].record(latency: clock.now - job.submitted, status: status, at: clock.now)
    job.events.yield(.finished(outcome))
    job.events.finish()
  }

  // MARK: - The timer

  /// The hub's one timer, run in the coordinator's task group until it is cancelled: it sleeps
  /// until the earliest instant a waiting call is due — its deadline, or the end of its wait
  /// for a first worker — or until a call comes due sooner, and ends the calls that are due.
  nonisolated func runTimer() async {
    while !Task.isCancelled {
      let next = await expireDue()
      await alarm.wait(until: next)
    }
  }

  /// Ends the waiting calls that are due, and returns when the next one will be.
  private func expireDue() -> ContinuousClock.Instant? {
    for expired in table.expire(now: clock.now) {
      guard let job = jobs[expired.call] else { continue }
      switch expired.why {
      case .noWorker:
        finish(job.id, .failure(.unavailable, "no worker of module '\(job.module)' is attached; \(job.method.path) could not run"))
      case .deadlinePassed:
        finish(job.id, .failure(.deadlineExceeded, "the deadline passed while \(job.method.path) waited for a free worker of module '\(job.module)'"))
      }
    }
    alarmSetFor = table.nextExpiry()
    return alarmSetFor
  }

  /// Wakes the timer when `instant` comes before the one it sleeps towards.
  private func wakeTimer(for instant: ContinuousClock.Instant?) {
    guard let instant, alarmSetFor.map({ instant < $0 }) ?? true else { return }
    alarmSetFor = instant
    alarm.ring()
  }

  /// Called when calls may have been given an earlier expiry (a module lost its last live worker).
  func rescheduleTimer() {
    wakeTimer(for: table.nextExpiry())
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
    let id = table.attach(module: hello.module, capacity: Int(hello.capacity))
    workers[id] = WorkerEntry(
      id: id, hello: hello, address: address, attachedAt: Date(),
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
      table.release(result.jobId, on: workerID)
      if result.end { winding[result.jobId] = nil }
      if var job = jobs[result.jobId], table.calls[result.jobId]?.workerID == workerID {
        if result.end {
          var outcome = JobOutcome(status: result.statusCode, message: result.message, payload: job.partial + result.payload)
          outcome.auditTarget = result.auditTarget
          outcome.auditUnit = result.auditUnit
          table.tally(succeeded: outcome.code == nil, on: workerID)
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
      if let module = workers[workerID]?.hello.module { dispatch(module) }
    case .item(let item):
      guard var job = jobs[item.jobId], table.calls[item.jobId]?.workerID == workerID else { return }
      table.recordItem(of: item.jobId)
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
      table.drain(workerID, now: clock.now)
      logger.info("worker leaving", metadata: ["worker": "\(workerID)", "reason": "\(leaving.reason)"])
      healthChanged()
      rescheduleTimer()
    case .hello, nil:
      break
    }
  }

  /// A worker's stream ended or it stopped heart-beating. Its running jobs go to another
  /// worker or end with `UNAVAILABLE`, as ``DispatchTable/detach(_:now:)`` decides: never a
  /// silent duplicate.
  func detach(_ workerID: String, reason: String) {
    guard let worker = workers.removeValue(forKey: workerID) else { return }
    worker.outbound.finish()
    winding = winding.filter { $0.value.workerID != workerID }
    guard let detachment = table.detach(workerID, now: clock.now) else { return }
    for id in detachment.requeued { jobs[id]?.partial = [] }
    if !detachment.requeued.isEmpty {
      Counter(label: "reform_redispatches_total", dimensions: [("module", detachment.module)])
        .increment(by: detachment.requeued.count)
    }
    for failure in detachment.failed {
      guard let job = jobs[failure.call] else { continue }
      let why =
        switch failure.why {
        case .streamed(let items): "it had already streamed \(items) items"
        case .notSafeToRepeat: "\(job.method.path) is not safe to repeat and may have taken effect"
        case .attemptsUsed(let attempts): "each of the \(attempts) workers it was given went away while running it"
        }
      finish(failure.call, .failure(.unavailable, "worker \(workerID) of module '\(job.module)' went away while running this call; not retried because \(why)"))
    }
    logger.warning("worker detached", metadata: ["worker": "\(workerID)", "reason": "\(reason)", "requeued": "\(detachment.requeued.count)"])
    healthChanged()
    dispatch(detachment.module)
    rescheduleTimer()
  }

  /// Detaches workers that sent nothing for the silence limit (at least five heartbeat
  /// intervals).
  func reapSilentWorkers() {
    let limit = max(configuration.heartbeatInterval * 5, configuration.silenceLimit)
    for worker in workers.values where clock.now - worker.lastHeartbeat > limit {
      detach(worker.id, reason: "no heartbeat for \((clock.now - worker.lastHeartbeat).inMilliseconds) ms")
    }
  }
}
