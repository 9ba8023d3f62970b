import Testing

@testable import ReformHub

/// The coordinator's dispatch rules, as values: which worker gets a call, how many calls a
/// worker and a queue hold, what becomes of a vanished worker's calls, drains, and when a
/// waiting call ends. No actor, process, clock or sleep: every instant is given.
@Suite struct DispatchTableTests {
  /// A fixed instant every test counts from; no test reads the clock again.
  static let start = ContinuousClock.Instant.now

  static func table(queueCapacity: Int = 100, attachWait: Duration = .seconds(10)) -> DispatchTable {
    DispatchTable(queueCapacity: queueCapacity, attachWait: attachWait)
  }

  /// Queues a unary call of `module`, safe to repeat unless said otherwise.
  static func submit(
    _ table: inout DispatchTable, module: String = "registry", stream: Bool = false, safe: Bool = true,
    deadline: Duration? = nil, at now: ContinuousClock.Instant = start
  ) -> Int64 {
    table.submit(module: module, isStream: stream, isSafeToRepeat: safe, deadline: deadline.map { start + $0 }, now: now)!
  }

  // MARK: - Choosing a worker

  @Test func aCallGoesToTheLeastLoadedWorker() {
    var table = Self.table()
    let first = table.attach(module: "registry", capacity: 4)
    let second = table.attach(module: "registry", capacity: 4)
    let a = Self.submit(&table)
    let sent = table.dispatch("registry")
    #expect(sent == [.init(call: a, worker: first)], "equally loaded: the one attached first")
    let b = Self.submit(&table)
    let sent2 = table.dispatch("registry")
    #expect(sent2 == [.init(call: b, worker: second)])
    table.release(a, on: first)
    table.tally(succeeded: true, on: first)
    let c = Self.submit(&table)
    let sent3 = table.dispatch("registry")
    #expect(sent3 == [.init(call: c, worker: first)], "first runs nothing now, second one call")
  }

  @Test func betweenEquallyBusyWorkersTheOneThatDidLessGetsTheCall() {
    var table = Self.table()
    let first = table.attach(module: "registry", capacity: 4)
    let second = table.attach(module: "registry", capacity: 4)
    table.tally(succeeded: true, on: first)
    let a = Self.submit(&table)
    let sent = table.dispatch("registry")
    #expect(sent == [.init(call: a, worker: second)])
  }

  @Test func aCallGoesOnlyToAWorkerOfItsModule() {
    var table = Self.table()
    _ = table.attach(module: "exchange", capacity: 4)
    let call = Self.submit(&table, module: "registry")
    let sent = table.dispatch("registry")
    #expect(sent.isEmpty)
    #expect(table.calls[call]?.isQueued == true)
  }

  // MARK: - Capacity

  @Test func noWorkerGetsMoreUnaryCallsThanItsCapacity() {
    var table = Self.table()
    let small = table.attach(module: "registry", capacity: 1)
    let large = table.attach(module: "registry", capacity: 2)
    let ids = (0..<5).map { _ in Self.submit(&table) }
    let sent = table.dispatch("registry")
    #expect(sent.count == 3)
    #expect(sent.filter { $0.worker == small }.count == 1)
    #expect(sent.filter { $0.worker == large }.count == 2)
    #expect(table.queueDepth(of: "registry") == 2)
    let sent2 = table.dispatch("registry")
    #expect(sent2.isEmpty, "nobody has room")
    // The worker answers one: the next call in line goes to it.
    table.release(sent[0].call, on: sent[0].worker)
    let sent3 = table.dispatch("registry")
    #expect(sent3 == [.init(call: ids[3], worker: sent[0].worker)])
  }

  @Test func aCapacityBelowOneCountsAsOne() {
    var table = Self.table()
    let worker = table.attach(module: "registry", capacity: 0)
    _ = Self.submit(&table)
    _ = Self.submit(&table)
    let sent = table.dispatch("registry")
    #expect(sent.count == 1)
    #expect(table.workers[worker]?.capacity == 1)
  }

  @Test func streamsDoNotUseCapacityAndDoNotWaitBehindUnaryCalls() {
    var table = Self.table()
    let worker = table.attach(module: "exchange", capacity: 1)
    let unary = Self.submit(&table, module: "exchange")
    let waiting = Self.submit(&table, module: "exchange")
    let stream = Self.submit(&table, module: "exchange", stream: true)
    let sent = table.dispatch("exchange")
    #expect(sent == [.init(call: stream, worker: worker), .init(call: unary, worker: worker)])
    #expect(table.workers[worker]?.unaryLoad == 1)
    #expect(table.calls[waiting]?.isQueued == true)
  }

  // MARK: - The queue

  @Test func theQueueHoldsAtMostItsCapacityStreamsIncluded() {
    var table = Self.table(queueCapacity: 3)
    _ = Self.submit(&table)
    _ = Self.submit(&table)
    _ = Self.submit(&table, stream: true)
    #expect(table.isQueueFull("registry"))
    let refused = table.submit(module: "registry", isStream: false, isSafeToRepeat: true, deadline: nil, now: Self.start)
    #expect(refused == nil)
    let refused2 = table.submit(module: "registry", isStream: true, isSafeToRepeat: true, deadline: nil, now: Self.start)
    #expect(refused2 == nil)
    #expect(!table.isQueueFull("exchange"), "each module has its own queue")
  }

  @Test func aCallSentToAWorkerLeavesRoomInTheQueue() {
    var table = Self.table(queueCapacity: 1)
    _ = table.attach(module: "registry", capacity: 1)
    _ = Self.submit(&table)
    #expect(table.isQueueFull("registry"))
    _ = table.dispatch("registry")
    #expect(!table.isQueueFull("registry"))
  }

  @Test func aRemovedCallLeavesTheQueueButItsWorkerKeepsTheCapacityUntilItAnswers() {
    var table = Self.table()
    let worker = table.attach(module: "registry", capacity: 1)
    let running = Self.submit(&table)
    _ = table.dispatch("registry")
    let queued = Self.submit(&table)
    table.remove(queued)
    table.remove(running)
    #expect(table.queueDepth(of: "registry") == 0)
    #expect(table.workers[worker]?.hasRoom == false, "the cancelled call runs until the worker says it stopped")
    table.release(running, on: worker)
    #expect(table.workers[worker]?.hasRoom == true)
  }

  // MARK: - A worker goes away

  @Test func aWorkerThatGoesAwayHasOnlyItsSafeCallsRunAgain() {
    var table = Self.table()
    let leaving = table.attach(module: "registry", capacity: 4)
    let read = Self.submit(&table, safe: true)
    let write = Self.submit(&table, safe: false)
    _ = table.dispatch("registry")
    let detachment = table.detach(leaving, now: Self.start)
    #expect(detachment?.requeued == [read])
    #expect(detachment?.failed == [.init(call: write, why: .notSafeToRepeat)])
    #expect(table.calls[write] == nil)
    #expect(table.calls[read]?.attempt == 2)
    let other = table.attach(module: "registry", capacity: 4)
    let sent = table.dispatch("registry")
    #expect(sent == [.init(call: read, worker: other)])
  }

  @Test func aStreamThatSentItemsIsNotRunAgain() {
    var table = Self.table()
    let worker = table.attach(module: "exchange", capacity: 4)
    let stream = Self.submit(&table, module: "exchange", stream: true)
    _ = table.dispatch("exchange")
    table.recordItem(of: stream)
    table.recordItem(of: stream)
    let detachment = table.detach(worker, now: Self.start)
    #expect(detachment?.failed == [.init(call: stream, why: .streamed(items: 2))])
  }

  @Test func aCallIsGivenToAtMostThreeWorkers() {
    var table = Self.table()
    let call = Self.submit(&table)
    for attempt in 1...DispatchTable.maxAttempts {
      let worker = table.attach(module: "registry", capacity: 1)
      let sent = table.dispatch("registry")
      #expect(sent == [.init(call: call, worker: worker)])
      let detachment = table.detach(worker, now: Self.start)
      if attempt < DispatchTable.maxAttempts {
        #expect(detachment?.requeued == [call])
      } else {
        #expect(detachment?.failed == [.init(call: call, why: .attemptsUsed(DispatchTable.maxAttempts))])
      }
    }
    #expect(table.calls.isEmpty)
  }

  @Test func callsRunAgainGoAheadOfThoseAlreadyWaiting() {
    var table = Self.table()
    let leaving = table.attach(module: "registry", capacity: 2)
    let first = Self.submit(&table)
    let second = Self.submit(&table)
    _ = table.dispatch("registry")
    let waiting = Self.submit(&table)
    _ = table.detach(leaving, now: Self.start)
    let other = table.attach(module: "registry", capacity: 3)
    let sent = table.dispatch("registry")
    #expect(sent.map(\.call) == [first, second, waiting])
    #expect(table.workers[other]?.running.count == 3)
  }

  @Test func aCallCancelledOnAWorkerThatGoesIsNeitherRunAgainNorFailed() {
    var table = Self.table()
    let worker = table.attach(module: "registry", capacity: 1)
    let call = Self.submit(&table)
    _ = table.dispatch("registry")
    table.remove(call)
    let detachment = table.detach(worker, now: Self.start)
    #expect(detachment == DispatchTable.Detachment(module: "registry"))
  }

  // MARK: - Drain

  @Test func aDrainedWorkerGetsNoNewCallsAndKeepsThoseItHas() {
    var table = Self.table()
    let drained = table.attach(module: "registry", capacity: 4)
    let other = table.attach(module: "registry", capacity: 4)
    let running = Self.submit(&table)
    _ = table.dispatch("registry")
    #expect(table.calls[running]?.workerID == drained)
    let known = table.drain(drained, now: Self.start)
    #expect(known)
    let next = Self.submit(&table)
    let stream = Self.submit(&table, stream: true)
    let sent = table.dispatch("registry")
    #expect(sent == [.init(call: stream, worker: other), .init(call: next, worker: other)])
    #expect(table.workers[drained]?.running == [running])
    let resumed = table.resume(drained)
    #expect(resumed)
    let after = Self.submit(&table)
    let sent2 = table.dispatch("registry")
    #expect(sent2 == [.init(call: after, worker: drained)])
  }

  @Test func drainingTheLastWorkerStartsTheAttachWaitOfQueuedCalls() {
    var table = Self.table(attachWait: .seconds(10))
    let worker = table.attach(module: "registry", capacity: 1)
    _ = Self.submit(&table)
    _ = table.dispatch("registry")
    let queued = Self.submit(&table)
    #expect(table.calls[queued]?.attachLimit == nil, "a live worker will take it")
    table.drain(worker, now: Self.start + .seconds(1))
    #expect(!table.hasLiveWorker("registry"))
    #expect(table.calls[queued]?.attachLimit == Self.start + .seconds(11))
  }

  @Test func drainingOrResumingAnUnknownWorkerIsRefused() {
    var table = Self.table()
    let drained = table.drain("registry-9", now: Self.start)
    #expect(!drained)
    let resumed = table.resume("registry-9")
    #expect(!resumed)
    let detachment = table.detach("registry-9", now: Self.start)
    #expect(detachment == nil)
  }

  // MARK: - Expiry

  @Test func aCallWithNoWorkerEndsUnavailableAtTheAttachWait() {
    var table = Self.table(attachWait: .seconds(10))
    let call = Self.submit(&table, deadline: .seconds(60))
    #expect(table.nextExpiry() == Self.start + .seconds(10))
    let expired = table.expire(now: Self.start + .seconds(9))
    #expect(expired.isEmpty)
    let expired2 = table.expire(now: Self.start + .seconds(10))
    #expect(expired2 == [.init(call: call, why: .noWorker)])
    #expect(table.calls[call] == nil)
  }

  @Test func aCallWaitingForABusyWorkerEndsAtItsDeadline() {
    var table = Self.table(attachWait: .seconds(10))
    _ = table.attach(module: "registry", capacity: 1)
    _ = Self.submit(&table)
    _ = table.dispatch("registry")
    let waiting = Self.submit(&table, deadline: .seconds(3))
    #expect(table.nextExpiry() == Self.start + .seconds(3))
    let expired = table.expire(now: Self.start + .seconds(3))
    #expect(expired == [.init(call: waiting, why: .deadlinePassed)])
    #expect(table.nextExpiry() == nil)
  }

  @Test func aCallWhoseAttachWaitEndsWhenABusyWorkerHasComeWaitsOnUntilItsDeadline() {
    var table = Self.table(attachWait: .seconds(10))
    let worker = table.attach(module: "registry", capacity: 1)
    _ = Self.submit(&table)
    _ = table.dispatch("registry")
    table.drain(worker, now: Self.start)
    let waiting = Self.submit(&table, deadline: .seconds(60))
    #expect(table.calls[waiting]?.attachLimit == Self.start + .seconds(10))
    table.resume(worker)
    let sent = table.dispatch("registry")
    #expect(sent.isEmpty, "the worker is back, but busy")
    let expired = table.expire(now: Self.start + .seconds(10))
    #expect(expired.isEmpty, "a live worker is there: the call waits for it")
    #expect(table.calls[waiting]?.attachLimit == nil)
    #expect(table.nextExpiry() == Self.start + .seconds(60))
  }

  @Test func dueCallsExpireEarliestFirstAndRunningCallsNever() {
    var table = Self.table()
    _ = table.attach(module: "registry", capacity: 1)
    let running = Self.submit(&table, deadline: .seconds(1))
    _ = table.dispatch("registry")
    let late = Self.submit(&table, deadline: .seconds(5))
    let early = Self.submit(&table, deadline: .seconds(2))
    let sameAsEarly = Self.submit(&table, deadline: .seconds(2))
    let notYet = Self.submit(&table, deadline: .seconds(9))
    #expect(table.nextExpiry() == Self.start + .seconds(2))
    #expect(
      table.expire(now: Self.start + .seconds(6)).map(\.call) == [early, sameAsEarly, late],
      "by due instant, then by id")
    #expect(table.calls[running] != nil, "a running call's deadline is its worker's to keep")
    #expect(table.nextExpiry() == Self.start + .seconds(9))
    #expect(table.calls[notYet]?.isQueued == true)
  }

  @Test func aCallRunAgainAfterItsWorkerWentKeepsItsDeadline() {
    var table = Self.table(attachWait: .seconds(10))
    let worker = table.attach(module: "registry", capacity: 1)
    let call = Self.submit(&table, deadline: .seconds(4))
    _ = table.dispatch("registry")
    _ = table.detach(worker, now: Self.start + .seconds(1))
    #expect(table.nextExpiry() == Self.start + .seconds(4), "the deadline comes before the attach wait")
    let expired = table.expire(now: Self.start + .seconds(4))
    #expect(expired == [.init(call: call, why: .noWorker)])
  }
}
