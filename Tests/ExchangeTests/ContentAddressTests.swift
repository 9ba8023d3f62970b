import Foundation
import ReformModule
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import Exchange

/// Attachment content shared in PostgreSQL is stored once per SHA-256, and removed only when no
/// attachment names it; beside SQLite each attachment keeps its own file, and every answer is the
/// same either way.
@Suite("Attachment content: stored once per digest, removed only when nothing names it")
struct ContentAddressTests {
  @Test func theSameContentUploadedTwiceIsStoredOnceAndServedForEachAttachment() async throws {
    let bed = try await TestBed.make()
    let content = Sample.bytes(2_500_000, seed: 5)
    let first = try await bed.upload(content, unit: "DUK", chunk: 1 << 20)
    let second = try await bed.upload(content, unit: "DUK", name: "125-CV-ĐUK (bản 2).pdf", chunk: 1 << 20)
    let other = try await bed.upload(Sample.bytes(1000, seed: 7), unit: "DUK")
    #expect(first.sha256 == second.sha256)
    let files = try await bed.attachmentFiles()
    if case .postgres = bed.store {
      #expect(files == ["sha256-" + first.sha256, "sha256-" + other.sha256].sorted())
      let chunks = try await TestStore.texts(bed.store, "SELECT name FROM exchange_content")
      #expect(chunks.count == 4, "three chunks of the shared content and one of the other")
    } else {
      #expect(files.count == 3)
    }
    let one = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(number: "125", attachments: [first.attachmentId, other.attachmentId]),
      as: Caller.clerk("DUK"))
    let two = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(number: "126", attachments: [second.attachmentId]), as: Caller.clerk("DUK"))
    for (document, attachment) in [(one.document, first), (two.document, second)] {
      let fetched = try await bed.stream(
        ExchangeService.FetchAttachment.self,
        ExchangeFetchAttachmentRequest(documentId: document?.documentId ?? "", attachmentId: attachment.attachmentId),
        as: Caller.clerk("SNV"))
      #expect(fetched.flatMap(\.content) == content)
    }

    // An import of the same content refused after its content was taken in leaves the shared
    // content where both attachments find it.
    let envelope = try await bed.stream(
      ExchangeService.ExportEdxml.self, ExchangeExportEdxmlRequest(documentId: one.document?.documentId ?? ""),
      as: Caller.clerk("SNV")
    ).flatMap(\.content)
    let counts = try await bed.rowCounts()
    let duplicate = await failure {
      try await bed.invoke(
        ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .envelope(envelope)), as: Caller.clerk("DUK"))
    }
    #expect(duplicate?.code == .alreadyExists)
    #expect(try await bed.attachmentFiles() == files)
    #expect(try await bed.rowCounts() == counts)
    let again = try await bed.stream(
      ExchangeService.FetchAttachment.self,
      ExchangeFetchAttachmentRequest(documentId: two.document?.documentId ?? "", attachmentId: second.attachmentId),
      as: Caller.clerk("SNV"))
    #expect(again.flatMap(\.content) == content)
  }

  @Test(.enabled(if: TestStore.isPostgres, "the run is on SQLite"))
  func contentTakenInIsTakenBackOnlyByItsLastClaimAndSweptOnlyWhenNothingNamesIt() async throws {
    let bed = try await TestBed.make()
    guard case .postgres(let settings, let schema) = bed.store else { return }
    let store = try ExchangePostgresStore(settings: settings, schema: schema ?? "exchange")
    let folder = try BlobFolder(path: bed.folder + "/staging")
    let content = PostgresContent(database: store.database, folder: folder, clock: { Date() })
    let named = try await bed.upload(Sample.bytes(3000, seed: 9), unit: "DUK")

    func takeIn(_ bytes: [UInt8], as name: String) async throws -> String {
      try folder.write(bytes, to: name, at: 0)
      let (_, sha256) = try folder.sealFile(name)
      return try await content.adopt(name, sha256: sha256)
    }
    // Content an attachment names stays, whoever claimed it last and fails.
    let shared = try await takeIn(Sample.bytes(3000, seed: 9), as: "att-import-1")
    #expect(shared == "sha256-" + named.sha256)
    await content.disown("att-import-1", stored: shared)
    // New content, claimed by two imports: the first's failure leaves it to the second.
    let fresh = try await takeIn(Sample.bytes(5000, seed: 10), as: "att-import-2")
    #expect(try await takeIn(Sample.bytes(5000, seed: 10), as: "att-import-3") == fresh)
    await content.disown("att-import-2", stored: fresh)
    #expect(try await bed.attachmentFiles() == [fresh, shared].sorted())
    await content.disown("att-import-3", stored: fresh)
    #expect(try await bed.attachmentFiles() == [shared])
    // Content left by a worker that stopped between taking it in and writing its rows: swept
    // once untouched for the cutoff, never while recent, and never what an attachment names.
    let orphan = try await takeIn(Sample.bytes(4000, seed: 11), as: "att-import-4")
    await content.sweep(untouchedSince: Microseconds.of(Date()) - 3_600_000_000)
    #expect(try await bed.attachmentFiles() == [orphan, shared].sorted())
    await content.sweep(untouchedSince: Microseconds.of(Date()) + 1)
    #expect(try await bed.attachmentFiles() == [shared])
    #expect(!FileManager.default.fileExists(atPath: folder.file("att-import-4")), "the staged file is gone once taken in")
  }
}
