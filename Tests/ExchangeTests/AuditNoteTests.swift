import Foundation
import ReformModule
import ReformWire
import Testing

/// The mailbox reads are audited personal reads: each notes which unit's documents it read.
@Suite("What the exchange's mailbox reads note for the audit log")
struct AuditNoteTests {
  @Test func listInboxListSentAndWatchNoteTheUnitWhoseDocumentsWereRead() async throws {
    let bed = try await TestBed.make()
    let cursor = try await bed.invoke(
      ExchangeService.ListInbox.self, ExchangeListInboxRequest(unitCode: "STC"), as: Caller.admin()
    ).watchCursor
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    let inbox = Caller.clerk("SNV")
    _ = try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(), as: inbox)
    #expect(inbox.audit.value == ("inbox", "SNV"))
    let sent = Caller.clerk("DUK")
    _ = try await bed.invoke(ExchangeService.ListSent.self, ExchangeListSentRequest(), as: sent)
    #expect(sent.audit.value == ("sent", "DUK"))
    let watcher = Caller.clerk("STC")
    let events = try await bed.watch(ExchangeWatchRequest(cursor: cursor), as: watcher, until: 1)
    #expect(events.count == 1)
    #expect(watcher.audit.value == ("watch", "STC"))
  }
}
