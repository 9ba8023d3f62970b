import Testing

@testable import Exchange

/// The bell that wakes Watch calls on PostgreSQL, without a server: each test's waits have a
/// ten-minute poll, so only a ring, a listen or a cancellation can end them within the limit.
@Suite(.timeLimit(.minutes(1)))
struct EventBellTests {
  static let poll = Duration.seconds(600)

  @Test func aRingAfterTheMarkEndsAWaitBegunLater() async throws {
    let bell = EventBell()
    let mark = bell.mark()
    bell.ring("SNV")
    try await bell.wait(unitCode: "SNV", since: mark, longest: Self.poll)
  }

  /// Another unit's rings, before and during the wait, leave it waiting for its own.
  @Test func aWaitBegunAfterAnotherUnitsRingEndsOnItsOwn() async throws {
    let bell = EventBell()
    let mark = bell.mark()
    bell.ring("STC")
    let waiting = Task { try await bell.wait(unitCode: "SNV", since: mark, longest: Self.poll) }
    try await Task.sleep(for: .milliseconds(50))
    bell.ring("STC")
    bell.ring("SNV")
    try await waiting.value
  }

  @Test func aNewListenEndsEveryWait() async throws {
    let bell = EventBell()
    let mark = bell.mark()
    #expect(!bell.hasListened)
    let waits = (0..<3).map { index in Task { try await bell.wait(unitCode: "U\(index)", since: mark, longest: Self.poll) } }
    try await Task.sleep(for: .milliseconds(50))
    bell.listening()
    for wait in waits { try await wait.value }
    #expect(bell.hasListened)
  }

  /// Notices name whatever units committed transactions sent: past ``EventBell/maxRemembered``
  /// the bell forgets them all at once and ends every wait, rather than grow.
  @Test func pastTheUnitsRememberedEveryWaitEndsOnceAndLaterOnesWaitForTheirOwnRing() async throws {
    let bell = EventBell()
    let mark = bell.mark()
    for index in 0...EventBell.maxRemembered { bell.ring("unit-\(index)") }
    try await bell.wait(unitCode: "SNV", since: mark, longest: Self.poll)
    let later = bell.mark()
    let waiting = Task { try await bell.wait(unitCode: "SNV", since: later, longest: Self.poll) }
    bell.ring("SNV")
    try await waiting.value
  }

  @Test func aCancelledWaitThrowsCancellation() async throws {
    let bell = EventBell()
    let waiting = Task { try await bell.wait(unitCode: "SNV", since: bell.mark(), longest: Self.poll) }
    waiting.cancel()
    await #expect(throws: CancellationError.self) { try await waiting.value }
  }
}
