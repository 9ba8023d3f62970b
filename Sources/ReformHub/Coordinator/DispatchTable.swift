/// Which worker runs which call, as a value: the workers of each module with their capacity,
/// their load and whether they are drained; the calls of each module waiting for a worker,
/// within the queue's bound; and every decision about them — where a waiting call goes, what
/// becomes of the calls of a worker that went away, when a waiting call has waited too long.
///
/// It reads no clock and sends nothing: the current instant is passed in, and ``Hub`` carries
/// its decisions out (jobs and cancels to workers, outcomes to callers). So each rule here is
/// tested without actors, processes or sleeps (`DispatchTableTests`).
///
/// ## Topics
/// - ``submit(module:isStream:isSafeToRepeat:deadline:now:)``, ``remove(_:)``: a call waits, or ends.
/// - ``dispatch(_:)``: waiting calls go to the least-loaded worker with room.
/// - ``attach(module:capacity:)``, ``drain(_:now:)``, ``resume(_:)``, ``detach(_:now:)``: workers come, pause and go.
/// - ``release(_:on:)``, ``tally(succeeded:on:)``, ``recordItem(of:)``: what workers report.
/// - ``nextExpiry()``, ``expire(now:)``: waiting calls that have waited too long.
struct DispatchTable {
  typealias Instant = ContinuousClock.Instant

  /// A worker as dispatch sees it.
  struct Worker: Equatable {
    let id: String
    let module: String
    /// Unary jobs it runs at once, at least 1; streams are not counted against it.
    let capacity: Int
    /// The order it attached in: of two equally loaded workers, the earlier gets the call.
    let number: Int
    /// Drained by an operator, or leaving: it gets no new job and finishes those it has.
    var isDraining = false
    /// Jobs sent and not yet answered, cancelled ones included: they hold capacity until the
    /// worker says they are done.
    var running: Set<Int64> = []
    /// The streaming jobs among ``running``: they hold the stream budgets, not capacity.
    var streams: Set<Int64> = []
    var done: Int64 = 0
    var failed: Int64 = 0

    /// Unary jobs running: what ``capacity`` limits.
    var unaryLoad: Int { running.count - streams.count }
    var hasRoom: Bool { unaryLoad < capacity }
  }

  /// A call as dispatch sees it: queued while ``workerID`` is nil, running otherwise.
  struct Call: Equatable {
    let id: Int64
    let module: String
    let isStream: Bool
    /// Whether running it twice is harmless: `NO_SIDE_EFFECTS` or `IDEMPOTENT` in the schema.
    let isSafeToRepeat: Bool
    let deadline: Instant?
    /// 1 for the first worker, 2, 3… after a worker went away while running it.
    var attempt: Int32 = 1
    var workerID: String?
    var itemsSent: Int64 = 0
    /// When a call waiting for a module with no live worker stops waiting (`--attach-wait-ms`).
    var attachLimit: Instant?

    var isQueued: Bool { workerID == nil }
    /// When the call, still waiting, is to be ended: its deadline or its attach limit.
    var expiry: Instant? { [deadline, attachLimit].compactMap { $0 }.min() }
  }

  /// A waiting call sent to a worker.
  struct Assignment: Equatable {
    let call: Int64
    let worker: String
  }

  /// Why a call running on a worker that went away is not given to another.
  enum NotRetried: Equatable {
    /// The caller has items already: a second run would send them again.
    case streamed(items: Int64)
    /// Its method may have taken effect; running it again could do it twice.
    case notSafeToRepeat
    /// Every worker it was given went away while running it.
    case attemptsUsed(Int32)
  }

  /// What became of the calls of a worker that went away.
  struct Detachment: Equatable {
    struct Failure: Equatable {
      let call: Int64
      let why: NotRetried
    }
    let module: String
    /// Back at the front of their queues, in the order they were submitted.
    var requeued: [Int64] = []
    /// Removed from the table: their callers get `UNAVAILABLE`.
    var failed: [Failure] = []
  }

  /// Why a waiting call was ended.
  enum Expiry: Equatable {
    /// No live worker of its module came within the attach wait: `UNAVAILABLE`.
    case noWorker
    /// Its deadline passed while it waited for a free worker: `DEADLINE_EXCEEDED`.
    case deadlinePassed
  }

  struct Expired: Equatable {
    let call: Int64
    let why: Expiry
  }

  /// The most workers one call is given: a request that makes every worker it reaches go away
  /// must not take the module's workers down one after another.
  static let maxAttempts: Int32 = 3

  /// Calls that may wait per module, streams included (`--queue-capacity`).
  let queueCapacity: Int
  /// How long a call waits for a first live worker of its module (`--attach-wait-ms`).
  let attachWait: Duration
  private(set) var workers: [String: Worker] = [:]
  private(set) var calls: [Int64: Call] = [:]
  /// Unary calls waiting for a worker with room, per module, first come first.
  private var queues: [String: [Int64]] = [:]
  /// Streams waiting for a first live worker, per module: they need no capacity, so they never
  /// wait behind unary calls.
  private var streamQueues: [String: [Int64]] = [:]
  private var nextCallID: Int64 = 1
  private var nextWorkerNumber = 1

  init(queueCapacity: Int, attachWait: Duration) {
    self.queueCapacity = queueCapacity
    self.attachWait = attachWait
  }

  // MARK: - Calls

  /// Calls of the module waiting for a worker, streams included.
  func queueDepth(of module: String) -> Int {
    queues[module, default: []].count + streamQueues[module, default: []].count
  }

  func isQueueFull(_ module: String) -> Bool { queueDepth(of: module) >= queueCapacity }

  /// Whether the module has a worker that takes new calls (attached, not drained).
  func hasLiveWorker(_ module: String) -> Bool {
    workers.values.contains { $0.module == module && !$0.isDraining }
  }

  /// Queues a call and returns its id, or nil when the module's queue is full. A call for a
  /// module with no live worker waits for one at most ``attachWait``.
  mutating func submit(module: String, isStream: Bool, isSafeToRepeat: Bool, deadline: Instant?, now: Instant) -> Int64? {
    guard !isQueueFull(module) else { return nil }
    let id = nextCallID
    nextCallID += 1
    calls[id] = Call(
      id: id, module: module, isStream: isStream, isSafeToRepeat: isSafeToRepeat, deadline: deadline,
      attachLimit: hasLiveWorker(module) ? nil : now + attachWait)
    if isStream { streamQueues[module, default: []].append(id) } else { queues[module, default: []].append(id) }
    return id
  }

  /// Forgets a call that ended or whose caller left. A worker running it keeps the capacity it
  /// holds until the worker answers (``release(_:on:)``).
  @discardableResult
  mutating func remove(_ id: Int64) -> Call? {
    guard let call = calls.removeValue(forKey: id) else { return nil }
    queues[call.module]?.removeAll { $0 == id }
    streamQueues[call.module]?.removeAll { $0 == id }
    return call
  }

  /// Sends the module's waiting calls to its workers: each stream to the least-loaded live
  /// worker (the stream budgets bound those), each unary call to the least-loaded live worker
  /// with room within its capacity. Load is the jobs running, then the jobs done, then the
  /// order of attaching.
  mutating func dispatch(_ module: String) -> [Assignment] {
    var sent: [Assignment] = []
    while let id = streamQueues[module]?.first, let worker = leastLoaded(of: module, needingRoom: false) {
      streamQueues[module]?.removeFirst()
      if assign(id, to: worker) { sent.append(Assignment(call: id, worker: worker)) }
    }
    while let id = queues[module]?.first, let worker = leastLoaded(of: module, needingRoom: true) {
      queues[module]?.removeFirst()
      if assign(id, to: worker) { sent.append(Assignment(call: id, worker: worker)) }
    }
    return sent
  }

  private func leastLoaded(of module: String, needingRoom: Bool) -> String? {
    workers.values
      .filter { $0.module == module && !$0.isDraining && (!needingRoom || $0.hasRoom) }
      .min { ($0.running.count, $0.done, $0.number) < ($1.running.count, $1.done, $1.number) }?.id
  }

  private mutating func assign(_ id: Int64, to workerID: String) -> Bool {
    guard var call = calls[id], call.isQueued else { return false }
    call.workerID = workerID
    call.attachLimit = nil
    calls[id] = call
    workers[workerID]?.running.insert(id)
    if call.isStream { workers[workerID]?.streams.insert(id) }
    return true
  }

  // MARK: - What workers report

  /// The worker answered for a job: it no longer holds the worker's capacity.
  mutating func release(_ id: Int64, on workerID: String) {
    workers[workerID]?.running.remove(id)
    workers[workerID]?.streams.remove(id)
  }

  /// Counts a call the worker finished, for its load and the operators' view.
  mutating func tally(succeeded: Bool, on workerID: String) {
    if succeeded { workers[workerID]?.done += 1 } else { workers[workerID]?.failed += 1 }
  }

  /// The call's worker sent its caller a stream item: from now on the call is not run again.
  mutating func recordItem(of id: Int64) {
    calls[id]?.itemsSent += 1
  }

  // MARK: - Workers

  /// Registers a worker of the module and returns its id, e.g. `exchange-2`.
  mutating func attach(module: String, capacity: Int) -> String {
    let number = nextWorkerNumber
    nextWorkerNumber += 1
    let id = "\(module)-\(number)"
    workers[id] = Worker(id: id, module: module, capacity: max(1, capacity), number: number)
    return id
  }

  /// Sends the worker no new call; it finishes those it has. Returns false for an unknown worker.
  @discardableResult
  mutating func drain(_ workerID: String, now: Instant) -> Bool {
    guard let module = workers[workerID]?.module else { return false }
    workers[workerID]?.isDraining = true
    startAttachWaitIfOrphaned(module, now: now)
    return true
  }

  /// Sends calls to a drained worker again. Returns false for an unknown worker.
  @discardableResult
  mutating func resume(_ workerID: String) -> Bool {
    guard workers[workerID] != nil else { return false }
    workers[workerID]?.isDraining = false
    return true
  }

  /// The worker went away (its stream ended, or it stopped heart-beating). Each call it was
  /// running goes back to the front of its queue when its method is safe to repeat, nothing was
  /// streamed yet and fewer than ``maxAttempts`` workers had it; every other one is removed, for
  /// its caller to get `UNAVAILABLE`: never a silent duplicate. Nil for an unknown worker.
  mutating func detach(_ workerID: String, now: Instant) -> Detachment? {
    guard let worker = workers.removeValue(forKey: workerID) else { return nil }
    var detachment = Detachment(module: worker.module)
    for id in worker.running.sorted() {
      guard var call = calls[id], call.workerID == workerID else { continue }
      if call.isSafeToRepeat && call.itemsSent == 0 && call.attempt < Self.maxAttempts {
        call.workerID = nil
        call.attempt += 1
        calls[id] = call
        detachment.requeued.append(id)
      } else {
        let why: NotRetried =
          if call.itemsSent > 0 { .streamed(items: call.itemsSent) }
          else if !call.isSafeToRepeat { .notSafeToRepeat }
          else { .attemptsUsed(call.attempt) }
        calls[id] = nil
        detachment.failed.append(Detachment.Failure(call: id, why: why))
      }
    }
    let streams = detachment.requeued.filter { calls[$0]?.isStream == true }
    queues[worker.module, default: []].insert(contentsOf: detachment.requeued.filter { !streams.contains($0) }, at: 0)
    streamQueues[worker.module, default: []].insert(contentsOf: streams, at: 0)
    startAttachWaitIfOrphaned(worker.module, now: now)
    return detachment
  }

  /// When a module has lost its last live worker, every call waiting for it gets the attach
  /// wait: it ends with `UNAVAILABLE` unless a worker comes back in time.
  private mutating func startAttachWaitIfOrphaned(_ module: String, now: Instant) {
    guard !hasLiveWorker(module) else { return }
    let limit = now + attachWait
    for id in queues[module, default: []] + streamQueues[module, default: []] {
      guard var call = calls[id], call.isQueued else { continue }
      call.attachLimit = min(call.attachLimit ?? limit, limit)
      calls[id] = call
    }
  }

  // MARK: - Expiry

  /// The earliest instant a waiting call is due to end; nil when no waiting call has one.
  func nextExpiry() -> Instant? {
    calls.values.lazy.filter(\.isQueued).compactMap(\.expiry).min()
  }

  /// Ends the waiting calls that are due at `now`, earliest first: with ``Expiry/noWorker``
  /// when their module has no live worker, with ``Expiry/deadlinePassed`` when their deadline
  /// has passed. A call whose attach wait ran out while a live worker (a busy one) is there
  /// waits on for a free one, until its deadline.
  mutating func expire(now: Instant) -> [Expired] {
    let due = calls.values
      .compactMap { call in call.isQueued ? call.expiry.flatMap { $0 <= now ? (call.id, $0) : nil } : nil }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    var expired: [Expired] = []
    for (id, _) in due {
      guard let call = calls[id] else { continue }
      if !hasLiveWorker(call.module) {
        remove(id)
        expired.append(Expired(call: id, why: .noWorker))
      } else if let deadline = call.deadline, deadline <= now {
        remove(id)
        expired.append(Expired(call: id, why: .deadlinePassed))
      } else {
        calls[id]?.attachLimit = nil
      }
    }
    return expired
  }
}
