import Foundation
import GRDB
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

@Suite("Persistence across reopening the module")
struct PersistenceTests {
  @Test func whatWasAcknowledgedIsThereAfterReopening() async throws {
    let bed = try await TestBed.make()
    let content = Sample.bytes(5_000)
    let attachment = try await bed.upload(content, unit: "DUK")
    let first = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(key: "k-1", attachments: [attachment.attachmentId]), as: Caller.clerk("DUK"))
    _ = try await bed.invoke(
      ExchangeService.SendNotice.self,
      ExchangeSendNoticeRequest(documentId: first.document?.documentId ?? "", code: .registered), as: Caller.clerk("SNV"))
    let reopened = try TestBed(sharing: bed)
    let read = try await reopened.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: first.document?.documentId ?? ""),
      as: Caller.clerk("SNV"))
    #expect(read.document == first.document)
    #expect(read.delivery?.status == .registered)
    let fetched = try await reopened.stream(
      ExchangeService.FetchAttachment.self,
      ExchangeFetchAttachmentRequest(documentId: first.document?.documentId ?? "", attachmentId: attachment.attachmentId),
      as: Caller.clerk("SNV"))
    #expect(fetched.flatMap(\.content) == content)
    let repeated = try await reopened.invoke(
      ExchangeService.Send.self, Sample.send(key: "k-1", attachments: [attachment.attachmentId]), as: Caller.clerk("DUK"))
    #expect(repeated.replayed)
    #expect(repeated.deliveries == first.deliveries)
    let next = try await reopened.invoke(ExchangeService.Send.self, Sample.send(number: "126"), as: Caller.clerk("DUK"))
    #expect(next.deliveries.map(\.arrivalNumber) == [2, 2])
  }

  /// The ids a file of every release records: the store registers its migrations under these
  /// (`exchange.v1.<what>`), so such a file opens with nothing applied twice, and keeps working.
  @Test(.enabled(if: !TestStore.isPostgres))
  func aFileKeepsTheMigrationIdsEveryReleaseRecorded() async throws {
    let bed = try await TestBed.make()
    let recorded = try await DatabaseQueue(path: bed.databasePath).read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
    }
    #expect(
      recorded == [
        "exchange.v1.organs", "exchange.v1.uploads", "exchange.v1.documents", "exchange.v1.deliveries",
        "exchange.v1.events", "exchange.v1.idempotency",
      ])
    let reopened = try TestBed(sharing: bed)
    let sent = try await reopened.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    #expect(!sent.deliveries.isEmpty)
  }
}
