import Testing

@testable import ReformHub

/// The two pieces flow control is made of, without a network: the outbox that lets liveness
/// frames overtake bulk ones, and the window a streaming job's writes wait on.
@Suite struct FlowPrimitivesTests {
  @Test func urgentFramesLeaveBeforeRepliesAndRepliesBeforeItems() async {
    let outbox = PriorityOutbox<String>()
    outbox.send("item 1", lane: .items)
    outbox.send("item 2", lane: .items)
    outbox.send("result", lane: .reply)
    outbox.send("heartbeat", lane: .urgent)
    outbox.finish()
    var order: [String] = []
    while let frame = await outbox.next() { order.append(frame) }
    #expect(order == ["heartbeat", "result", "item 1", "item 2"])
  }

  @Test func aFloodOfUrgentFramesStillLetsALowerLaneThrough() async {
    let outbox = PriorityOutbox<String>()
    outbox.send("job", lane: .reply)
    for index in 0..<100 { outbox.send("credit \(index)", lane: .urgent) }
    var before = 0
    while let frame = await outbox.next(), frame != "job" { before += 1 }
    #expect(before == PriorityOutbox<String>.fairRun)
  }

  @Test func aReaderWaitingForAFrameGetsTheNextOneSentAndNilAfterFinish() async {
    let outbox = PriorityOutbox<Int>()
    async let first = outbox.next()
    try? await Task.sleep(for: .milliseconds(20))
    outbox.send(7, lane: .items)
    #expect(await first == 7)
    outbox.finish()
    outbox.send(8, lane: .urgent)
    #expect(await outbox.next() == nil, "a frame sent after finish is dropped")
  }

  @Test func aWriteWaitsWhileTheWindowIsFullAndGoesWhenCreditComes() async throws {
    let credit = StreamCredit(bytes: 100, items: 2)
    try await credit.acquire(bytes: 60)
    let went = Flag()
    let second = Task {
      try await credit.acquire(bytes: 60)
      await went.raise()
    }
    try await Task.sleep(for: .milliseconds(100))
    #expect(await !went.raised, "the second write went although 60 + 60 bytes is over the 100-byte window")
    credit.release(items: 1, bytes: 60)
    try await second.value
    #expect(await went.raised)
  }

  @Test func oneItemLargerThanTheWholeWindowGoesWhenNothingIsOutstanding() async throws {
    let credit = StreamCredit(bytes: 1024, items: 4)
    try await credit.acquire(bytes: 4 * 1024 * 1024)
    credit.release(items: 1, bytes: 4 * 1024 * 1024)
    try await credit.acquire(bytes: 4 * 1024 * 1024)
  }

  @Test func aWriteWaitingForCreditEndsWhenItsJobIsCancelled() async throws {
    let credit = StreamCredit(bytes: 10, items: 1)
    try await credit.acquire(bytes: 10)
    let waiting = Task { try await credit.acquire(bytes: 10) }
    try await Task.sleep(for: .milliseconds(20))
    waiting.cancel()
    await #expect(throws: CancellationError.self) { try await waiting.value }
  }
}

/// Whether something happened, as seen from another task.
private actor Flag {
  private(set) var raised = false
  func raise() { raised = true }
}
