import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformTracing
import ReformWire
import Synchronization

/// One worker's running state across its attachments: the stream to the hub while attached,
/// the jobs running with their flow-control windows, counters for heartbeats, and whether it
/// is leaving.
actor WorkerSession {
  private let methods: ModuleMethods
  private var identity: WorkerIdentity
  private var outbound: PriorityOutbox<WorkerFrame>?
  private var running: [Int64: Task<Void, Never>] = [:]
  private var credits: [Int64: StreamCredit] = [:]
  /// The server-streaming jobs among ``running``: a watch may never end by itself.
  private var streams: Set<Int64> = []
  /// The window each streaming job starts with, as the hub's welcome gave it.
  private var window: (bytes: Int64, items: Int32) = (0, 0)
  private var done: Int64 = 0
  private var failed: Int64 = 0
  private var idleWaiters: [CheckedContinuation<Void, Never>] = []
  private(set) var isLeaving = false
  /// Whether the worker is leaving and has nothing left to run: whatever stream it still has
  /// to the hub carries nothing more.
  var hasLeft: Bool { isLeaving && running.isEmpty }

  init(methods: ModuleMethods, identity: WorkerIdentity) {
    self.methods = methods
    self.identity = identity
  }

  func connected(_ outbound: PriorityOutbox<WorkerFrame>) {
    self.outbound = outbound
    // Told to stop while it dialled: it says so, and with nothing to run it closes its side at
    // once, so that neither end waits for the other.
    if isLeaving {
      outbound.send(WorkerFrame(frame: .leaving(WorkerLeaving(reason: "shutting down"))), lane: .urgent)
      if running.isEmpty { outbound.finish() }
    }
  }

  /// The stream to the hub is gone: results of running jobs could not be delivered, so they
  /// are cancelled; the hub re-dispatches them or reports them to their callers.
  func disconnected() {
    outbound = nil
    for task in running.values { task.cancel() }
    for credit in credits.values { credit.close() }
  }

  func heartbeat(nonce: Int64 = 0) -> WorkerFrame {
    WorkerFrame(frame: .heartbeat(WorkerHeartbeat(
      inFlight: Int32(running.count), done: done, failed: failed, time: .now, pingNonce: nonce)))
  }

  func handle(_ frame: HubFrame) {
    switch frame.frame {
    case .welcome(let welcome):
      identity.id = welcome.workerId
      window = (welcome.streamWindowBytes, welcome.streamWindowItems)
    case .job(let job):
      start(job)
    case .cancel(let cancel):
      running[cancel.jobId]?.cancel()
    case .credit(let credit):
      credits[credit.jobId]?.release(items: credit.items, bytes: credit.bytes)
    case .ping(let ping):
      outbound?.send(heartbeat(nonce: ping.nonce), lane: .urgent)
    case .drain, .resume, nil:
      // The hub stops and restarts sending jobs; nothing changes here.
      break
    }
  }

  private func start(_ job: HubJob) {
    let context = JobContext(
      jobID: job.jobId, method: job.method, attempt: job.attempt, caller: job.caller,
      ownUnitLimit: job.ownUnitLimit.isEmpty ? nil : job.ownUnitLimit,
      // The hub sends how long is left, not when that is: counted from now on this host's
      // clock, it holds however far this host's clock is from the coordinator's.
      deadline: job.timeLeft.map { Date(timeIntervalSinceNow: Double($0.milliseconds) / 1000) },
      worker: identity, traceParent: TraceParent(header: job.traceParent))
    let handler = methods.handlers[job.method]
    let outbound = self.outbound
    let credit = StreamCredit(bytes: window.bytes, items: window.items)
    credits[job.jobId] = credit
    let info = ModuleCatalogue.methods(of: identity.module).first { $0.path == job.method }
    if info?.serverStreaming == true {
      streams.insert(job.jobId)
    }
    running[job.jobId] = Task {
      let sequence = ItemSequence()
      let send = { @Sendable (item: [UInt8]) in
        outbound?.send(WorkerFrame(frame: .item(JobStreamItem(jobId: job.jobId, sequence: sequence.next(), payload: item))), lane: .items)
      }
      let items = ItemSink(send: { item in
        try await credit.acquire(bytes: item.count)
        send(item)
      })
      let started = ContinuousClock.now
      // The job's span: a child of the coordinator's, and the parent of the calls its
      // handler makes to other modules.
      let ids = context.traceParent.map(SpanIdentity.child(of:)) ?? .root()
      let span = info.map { CallSpan.start($0, identity: ids, kind: .server) }
      var result = await TraceParent.$current.withValue(ids.own) {
        await Self.run(handler, job: job, context: context, items: items)
      }
      if let span { CallSpan.end(span, status: Status.Code(rawValue: Int(result.statusCode)) ?? .unknown) }
      JobMetrics.record(
        module: context.worker.module, method: handler == nil ? "unknown" : job.method, status: result.statusCode,
        duration: ContinuousClock.now - started)
      (result.auditTarget, result.auditUnit) = context.audit.value
      // A stream's result follows its items; a unary result need not wait behind other jobs' items.
      outbound?.send(WorkerFrame(frame: .result(result)), lane: sequence.isEmpty ? .reply : .items)
      self.finished(job.jobId, ok: result.statusCode == 0)
    }
    JobMetrics.inFlight(module: identity.module, count: running.count)
    // A stream the hub sent before it heard this worker is leaving would hold the leaving
    // worker up to its deadline (a watch: a day): it stops at once, and its caller resumes.
    if isLeaving, streams.contains(job.jobId) { running[job.jobId]?.cancel() }
  }

  private func finished(_ id: Int64, ok: Bool) {
    running[id] = nil
    credits.removeValue(forKey: id)?.close()
    streams.remove(id)
    if ok { done += 1 } else { failed += 1 }
    JobMetrics.inFlight(module: identity.module, count: running.count)
    if running.isEmpty {
      for waiter in idleWaiters { waiter.resume() }
      idleWaiters = []
    }
  }

  /// Stops taking work: tells the hub, stops its streams (a watch never finishes by itself;
  /// its caller resumes it from its cursor on another worker), then waits until every running
  /// job has finished.
  func leave() async {
    isLeaving = true
    outbound?.send(WorkerFrame(frame: .leaving(WorkerLeaving(reason: "shutting down"))), lane: .urgent)
    for id in streams { running[id]?.cancel() }
    if !running.isEmpty {
      await withCheckedContinuation { idleWaiters.append($0) }
    }
    outbound?.finish()
  }

  /// Runs one job's handler within its deadline and turns every ending into a result.
  private static func run(
    _ handler: ModuleMethods.Handler?, job: HubJob, context: JobContext, items: ItemSink
  ) async -> JobResult {
    guard let handler else {
      return JobResult(jobId: job.jobId, statusCode: Int32(Status.Code.unimplemented.rawValue), message: "\(job.method) is not served by this worker", end: true)
    }
    do {
      let payload = try await withDeadline(context.deadline) {
        try await handler(job.payload, context, items)
      }
      return JobResult(jobId: job.jobId, statusCode: 0, payload: payload, end: true)
    } catch let error as RPCError {
      return failure(job, error.code, error.message)
    } catch let error as any RPCErrorConvertible {
      return failure(job, error.rpcErrorCode, error.rpcErrorMessage)
    } catch is DeadlinePassed {
      return failure(job, .deadlineExceeded, "\(job.method) did not finish before its deadline")
    } catch is CancellationError {
      return failure(job, .cancelled, "\(job.method) was cancelled")
    } catch {
      return failure(job, .internalError, "\(job.method) failed: \(error)")
    }
  }

  private static func failure(_ job: HubJob, _ code: RPCError.Code, _ message: String) -> JobResult {
    JobResult(jobId: job.jobId, statusCode: Int32(Status.Code(code).rawValue), message: message, end: true)
  }
}

/// Numbers the items of one streaming job, 1, 2, 3…, whichever thread emits them.
final class ItemSequence: Sendable {
  private let last = Mutex<Int64>(0)

  func next() -> Int64 {
    last.withLock { value in
      value += 1
      return value
    }
  }

  /// Whether no item has been numbered yet.
  var isEmpty: Bool { last.withLock { $0 == 0 } }
}

/// The job's deadline passed while its handler ran.
struct DeadlinePassed: Error {}

/// Runs `body`, cancelling it and throwing ``DeadlinePassed`` if `deadline` comes first.
///
/// The deadline is made of the time left that came over the wire, so any `Date` must be safe
/// here: the wait is taken in steps of at most ``longestSleep`` (a far deadline never becomes
/// an integer that overflows), and one that is not a number counts as passed.
func withDeadline<T: Sendable>(_ deadline: Date?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
  guard let deadline else { return try await body() }
  return try await withThrowingTaskGroup(of: T?.self) { group in
    group.addTask { try await body() }
    group.addTask {
      var remaining = deadline.timeIntervalSinceNow
      while remaining > 0 {
        try await Task.sleep(for: .milliseconds(max(1, Int64(min(remaining, longestSleep) * 1000))))
        remaining = deadline.timeIntervalSinceNow
      }
      return nil
    }
    defer { group.cancelAll() }
    guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
    return value
  }
}

/// The longest single sleep while a job waits out its deadline, in seconds: a day, far inside
/// what a `Duration` of milliseconds holds.
private let longestSleep: Double = 86_400
