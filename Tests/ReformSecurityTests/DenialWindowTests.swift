import ReformWire
import Testing

@testable import ReformSecurity

/// Refusals counted into a few audit entries per window instead of one entry per attempt.
@Suite("Denial window")
struct DenialWindowTests {
  private func refusal(peer: String = "ipv4:203.0.113.9", method: String = "/reform.v1.Diagnostics/Echo", status: Int32 = 16) -> AdminAuditEntry {
    AdminAuditEntry(method: method, action: .denied, statusCode: status, message: "authorization: the bearer token is not known", peer: peer)
  }

  @Test func theFirstRefusalIsWrittenAtOnceAndTheRestOfTheWindowAsOneCount() {
    var window = DenialWindow(length: 60)
    let written1 = window.note(refusal(), reason: "unknown", at: 0)
    #expect(written1)
    for second in 1...99 {
      let written2 = window.note(refusal(), reason: "unknown", at: Double(second) * 0.5)
      #expect(!written2)
    }
    let counted3 = window.due(at: 59)
    #expect(counted3.isEmpty, "the window is still open")
    let due = window.due(at: 60)
    #expect(due.map(\.entry.count) == [99])
    #expect(1 + due.map(\.entry.count).reduce(0, +) == 100, "the counts add up to every refusal")
    let written4 = window.note(refusal(), reason: "unknown", at: 61)
    #expect(written4, "a new window begins with an entry of its own")
  }

  @Test func steadyRefusalsAcrossWindowsMakeAtMostTwoEntriesPerWindow() {
    // One refusal every 0.7 s for 30 s through 8-second windows: the refusal that comes just
    // after a window has passed closes it and opens the next, instead of being written alone.
    var window = DenialWindow(length: 8)
    var entries: [Int64] = []
    var refusals = 0
    var now = 0.0
    while now < 30 {
      let (closed, writeNow) = window.count(refusal(), reason: "unknown", at: now)
      entries += closed.map(\.entry.count)
      if writeNow { entries.append(1) }
      refusals += 1
      now += 0.7
    }
    entries += window.pending().map(\.entry.count)
    let windows = Int(30 / 8.0) + 1
    #expect(entries.count <= 2 * windows, "\(entries)")
    #expect(entries.reduce(0, +) == Int64(refusals), "the counts add up to every refusal")
  }

  @Test func refusalsOfAnotherPeerMethodStatusOrReasonAreCountedApart() {
    var window = DenialWindow(length: 60)
    let written5 = window.note(refusal(), reason: "unknown", at: 0)
    #expect(written5)
    let written6 = window.note(refusal(peer: "ipv4:203.0.113.10"), reason: "unknown", at: 0)
    #expect(written6)
    let written7 = window.note(refusal(method: "/reform.v1.Admin/Status"), reason: "unknown", at: 0)
    #expect(written7)
    let written8 = window.note(refusal(status: 8), reason: "unknown", at: 0)
    #expect(written8)
    let written9 = window.note(refusal(), reason: "revoked", at: 0)
    #expect(written9)
    let written10 = window.note(refusal(), reason: "unknown", at: 1)
    #expect(!written10)
  }

  @Test func aWindowWithNothingBeyondItsFirstRefusalWritesNothingMore() {
    var window = DenialWindow(length: 1)
    let written11 = window.note(refusal(), reason: "unknown", at: 0)
    #expect(written11)
    let counted12 = window.due(at: 5)
    #expect(counted12.isEmpty)
  }

  @Test func aCountThatCouldNotBeWrittenIsWrittenWithTheNext() {
    var window = DenialWindow(length: 10)
    _ = window.note(refusal(), reason: "unknown", at: 0)
    for _ in 0..<5 { _ = window.note(refusal(), reason: "unknown", at: 1) }
    let failed = window.due(at: 10)
    window.restore(failed, at: 10)
    let counted13 = window.due(at: 10)
    #expect(counted13.map(\.entry.count) == [5])
  }

  @Test func stoppingHandsOverOpenWindowsToo() {
    var window = DenialWindow(length: 60)
    _ = window.note(refusal(), reason: "unknown", at: 0)
    _ = window.note(refusal(), reason: "unknown", at: 1)
    let counted14 = window.pending()
    #expect(counted14.map(\.entry.count) == [1])
    let counted15 = window.pending()
    #expect(counted15.isEmpty)
  }

  @Test func pastItsKeysNewPeersAreCountedTogetherSoNeitherMemoryNorTheLogGrowsPerPeer() {
    var window = DenialWindow(length: 60, maxKeys: 2)
    let first = window.note(refusal(peer: "a"), reason: "r", at: 0)
    let second = window.note(refusal(peer: "b"), reason: "r", at: 0)
    // A third peer and every later new one: one entry at once under "*", then counted.
    let third = window.note(refusal(peer: "c"), reason: "r", at: 0)
    #expect(first && second && third)
    var written = 0
    for peer in 0..<10_000 where window.note(refusal(peer: "ipv6:2001:db8:\(peer)::/64"), reason: "r", at: 1) { written += 1 }
    #expect(written == 0, "\(written) refusals of new peers were written one by one")
    let known = window.note(refusal(peer: "a"), reason: "r", at: 2)
    #expect(!known, "a known peer is still counted under its own key")
    let due = window.due(at: 60)
    let overflow = due.first { $0.key.peer == DenialWindow.anyPeer }
    #expect(overflow?.entry.count == 10_000)
    #expect(overflow?.entry.peer == DenialWindow.anyPeer)
  }

  @Test func aWindowOfZeroWritesEveryRefusal() {
    var window = DenialWindow(length: 0)
    var written: [Bool] = []
    for _ in 0..<10 { written.append(window.note(refusal(), reason: "unknown", at: 0)) }
    #expect(written.allSatisfy { $0 })
  }
}
