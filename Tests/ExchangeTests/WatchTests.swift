import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("Watch: arrivals and notices from a resume cursor")
struct WatchTests {
  private func send(_ bed: TestBed, _ numbers: ClosedRange<Int>) async throws {
    for number in numbers {
      _ = try await bed.invoke(
        ExchangeService.Send.self, Sample.send(number: String(number), receivers: [Sample.homeAffairs]),
        as: Caller.clerk("DUK"))
    }
  }

  @Test func resumingFromACursorDeliversEachLaterArrivalExactlyOnce() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("SNV")
    try await send(bed, 1...2)
    let listed = try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(), as: clerk)
    #expect(listed.items.count == 2)
    try await send(bed, 3...5)
    let events = try await bed.watch(ExchangeWatchRequest(cursor: listed.watchCursor), as: clerk, until: 3)
    #expect(events.map(\.arrivalNumber) == [3, 4, 5])
    // The connection drops after the first event; the client resumes from its cursor.
    let resumed = try await bed.watch(ExchangeWatchRequest(cursor: events[0].cursor), as: clerk, until: 2)
    #expect(resumed.map(\.arrivalNumber) == [4, 5])
    #expect(resumed.map(\.cursor) == Array(events.map(\.cursor).dropFirst()))
    // Resuming after the last one waits for what comes next, in another process.
    let other = try TestBed(sharing: bed)
    try await send(other, 6...6)
    let later = try await bed.watch(ExchangeWatchRequest(cursor: events[2].cursor), as: clerk, until: 1)
    #expect(later.map(\.arrivalNumber) == [6])
  }

  @Test func aUnitWatchesOnlyItsOwnArrivals() async throws {
    let bed = try await TestBed.make()
    for number in 1...3 {
      _ = try await bed.invoke(
        ExchangeService.Send.self, Sample.send(number: String(number), receivers: [Sample.finance]),
        as: Caller.clerk("DUK"))
    }
    try await send(bed, 4...5)
    let events = try await bed.watch(ExchangeWatchRequest(cursor: "w0"), as: Caller.clerk("SNV"), until: 2)
    #expect(events.map(\.arrivalNumber) == [1, 2])
    let subjects = events.compactMap { event -> String? in
      if case .arrival(let incoming)? = event.event { return incoming.delivery?.receiver?.unitCode }
      return nil
    }
    #expect(subjects == ["SNV", "SNV"])
  }

  @Test func theSenderWatchesTheReceiversNotices() async throws {
    let bed = try await TestBed.make()
    let start = try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(), as: Caller.clerk("DUK"))
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    _ = try await bed.invoke(
      ExchangeService.SendNotice.self,
      ExchangeSendNoticeRequest(documentId: "000.00.00.H41,2026/10/15,125/CV/ĐUK", code: .registered),
      as: Caller.clerk("SNV"))
    let events = try await bed.watch(
      ExchangeWatchRequest(cursor: start.watchCursor, includeNotices: true), as: Caller.clerk("DUK"), until: 3)
    #expect(events.map(\.noticeCode) == [.arrived, .arrived, .registered])
    // Without notices, the sender's stream holds only what arrives for it.
    var reply = Sample.metadata(number: "7", notation: "SNV-VP", recipients: [Sample.duk])
    reply.organId = Sample.homeAffairs.organId
    reply.issuingOrganName = Sample.homeAffairs.name
    _ = try await bed.invoke(ExchangeService.Send.self, ExchangeSendRequest(metadata: reply), as: Caller.clerk("SNV"))
    let arrivalsOnly = try await bed.watch(
      ExchangeWatchRequest(cursor: start.watchCursor), as: Caller.clerk("DUK"), until: 1)
    #expect(arrivalsOnly.map(\.arrivalNumber) == [1])
    #expect(arrivalsOnly.allSatisfy { $0.noticeCode == nil })
  }

  @Test func aClerkWatchesOnlyTheirOwnUnitAndOnlyHandedOutCursors() async throws {
    let bed = try await TestBed.make()
    let denied = await failure {
      try await bed.watch(ExchangeWatchRequest(unitCode: "SNV"), as: Caller.clerk("STC"), until: 1)
    }
    #expect(denied?.code == .permissionDenied)
    for cursor in ["w999", "abc", "w-1", String(repeating: "9", count: 100)] {
      let error = await failure { try await bed.watch(ExchangeWatchRequest(cursor: cursor), as: Caller.clerk("SNV"), until: 1) }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.hasPrefix("cursor:") == true)
    }
  }
}
