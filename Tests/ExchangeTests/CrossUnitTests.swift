import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

/// A clerk of one unit aims at another unit's documents by every path the exchange has, and is
/// refused with PERMISSION_DENIED or NOT_FOUND; the other unit's data is byte-identical after.
///
/// The other unit's data: the đảng ủy khối (DUK) sends a letter with an attachment to Sở Tài
/// chính (STC) alone, and has an upload begun but not committed. The clerk is Sở Nội vụ's (SNV),
/// which is party to none of it.
@Suite("A clerk reaching for another unit's documents")
struct CrossUnitTests {
  private struct Others {
    var documentId: String
    var attachmentId: String
    var openUploadId: String
  }

  private func othersData(_ bed: TestBed) async throws -> Others {
    let attachment = try await bed.upload(Sample.bytes(10_000), unit: "DUK")
    let sent = try await bed.invoke(
      ExchangeService.Send.self,
      ExchangeSendRequest(
        metadata: Sample.metadata(recipients: [Sample.finance]), attachmentIds: [attachment.attachmentId]),
      as: Caller.clerk("DUK"))
    let open = try await bed.beginUpload("du-thao.pdf", size: 100, unit: "DUK")
    return Others(
      documentId: try #require(sent.document?.documentId), attachmentId: attachment.attachmentId,
      openUploadId: open.uploadId)
  }

  /// Every table of the module, read straight from the file, and the document as its sender's
  /// trace shows it: what must not change.
  private func snapshot(_ bed: TestBed, _ others: Others) async throws -> (rows: [String: Int], trace: [UInt8]) {
    let trace = try await bed.invoke(
      ExchangeService.GetTrace.self, ExchangeGetTraceRequest(documentId: others.documentId), as: Caller.admin())
    return (try await bed.rowCounts(), try trace.wireBytes())
  }

  private func expectRefused<T>(
    _ path: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
  ) async {
    let error = await failure(body, sourceLocation: sourceLocation)
    #expect(
      error?.code == .permissionDenied || error?.code == .notFound, "\(path): \(String(describing: error))",
      sourceLocation: sourceLocation)
  }

  @Test("every write path into another unit's documents and uploads is refused, and its data is unchanged")
  func writesIntoAnotherUnitAreRefused() async throws {
    let bed = try await TestBed.make()
    let others = try await othersData(bed)
    let before = try await snapshot(bed, others)
    let clerk = Caller.clerk("SNV")
    for unit in ["", "STC"] {
      await expectRefused("SendNotice on STC's copy, unit_code \(unit)") {
        try await bed.invoke(
          ExchangeService.SendNotice.self,
          ExchangeSendNoticeRequest(documentId: others.documentId, unitCode: unit, code: .recallAgreed), as: clerk)
      }
    }
    await expectRefused("Recall of DUK's document") {
      try await bed.invoke(
        ExchangeService.Recall.self, ExchangeRecallRequest(documentId: others.documentId, reason: "Thu hồi"), as: clerk)
    }
    await expectRefused("UploadChunk into DUK's upload") {
      try await bed.invoke(
        ExchangeService.UploadChunk.self,
        ExchangeUploadChunkRequest(uploadId: others.openUploadId, offset: 0, content: Sample.bytes(100)), as: clerk)
    }
    await expectRefused("CommitUpload of DUK's upload") {
      try await bed.invoke(ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: others.openUploadId), as: clerk)
    }
    await expectRefused("AbortUpload of DUK's upload") {
      try await bed.invoke(ExchangeService.AbortUpload.self, ExchangeAbortUploadRequest(uploadId: others.openUploadId), as: clerk)
    }
    await expectRefused("Send with DUK's attachment") {
      try await bed.invoke(
        ExchangeService.Send.self,
        ExchangeSendRequest(
          sender: Sample.homeAffairs, metadata: Self.homeAffairsLetter(), attachmentIds: [others.attachmentId]), as: clerk)
    }
    let after = try await snapshot(bed, others)
    #expect(after.rows == before.rows)
    #expect(after.trace == before.trace)
  }

  @Test("every read path of another unit's documents is refused")
  func readsOfAnotherUnitAreRefused() async throws {
    let bed = try await TestBed.make()
    let others = try await othersData(bed)
    let clerk = Caller.clerk("SNV")
    for unit in ["", "STC", "DUK"] {
      await expectRefused("GetDocument as \(unit)") {
        try await bed.invoke(
          ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: others.documentId, unitCode: unit), as: clerk)
      }
      await expectRefused("FetchAttachment as \(unit)") {
        try await bed.stream(
          ExchangeService.FetchAttachment.self,
          ExchangeFetchAttachmentRequest(documentId: others.documentId, attachmentId: others.attachmentId, unitCode: unit),
          as: clerk)
      }
    }
    await expectRefused("GetTrace") {
      try await bed.invoke(ExchangeService.GetTrace.self, ExchangeGetTraceRequest(documentId: others.documentId), as: clerk)
    }
    await expectRefused("ExportEdxml") {
      try await bed.stream(ExchangeService.ExportEdxml.self, ExchangeExportEdxmlRequest(documentId: others.documentId), as: clerk)
    }
    await expectRefused("ListInbox of STC") {
      try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(unitCode: "STC"), as: clerk)
    }
    await expectRefused("ListSent of DUK") {
      try await bed.invoke(ExchangeService.ListSent.self, ExchangeListSentRequest(unitCode: "DUK"), as: clerk)
    }
    await expectRefused("Watch of STC") {
      try await bed.watch(ExchangeWatchRequest(unitCode: "STC"), as: clerk, until: 1)
    }
    let inbox = try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(), as: clerk)
    #expect(inbox.items.isEmpty, "the clerk's own inbox holds nothing of STC's")
  }

  @Test("an envelope from an outside organ addressed to three units is delivered only to the importing clerk's")
  func importFromOutsideDeliversOnlyToTheImportersUnit() async throws {
    let source = try await TestBed.make()
    let sent = try await source.invoke(
      ExchangeService.Send.self,
      ExchangeSendRequest(metadata: Sample.metadata(recipients: [Sample.homeAffairs, Sample.finance, Self.health])),
      as: Caller.clerk("DUK"))
    let envelope = try await source.stream(
      ExchangeService.ExportEdxml.self, ExchangeExportEdxmlRequest(documentId: sent.document?.documentId ?? ""),
      as: Caller.clerk("DUK")
    ).flatMap(\.content)
    // Another exchange whose registry has the three departments but not the issuer.
    let other = try await TestBed.make(units: Array(TestBed.units[1...3]))
    // The items' bytes: the answer's Watch cursor moves with any unit's events.
    let inboxes = { (bed: TestBed) async throws -> [String: [[UInt8]]] in
      var bytes: [String: [[UInt8]]] = [:]
      for unit in ["STC", "SYT"] {
        bytes[unit] = try await bed.invoke(
          ExchangeService.ListInbox.self, ExchangeListInboxRequest(unitCode: unit), as: Caller.admin()
        ).items.map { try $0.wireBytes() }
      }
      return bytes
    }
    let before = try await inboxes(other)
    let clerk = Caller.clerk("SNV")
    let imported = try await other.invoke(
      ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .envelope(envelope)), as: clerk)
    #expect(imported.deliveries.map { $0.receiver?.unitCode } == ["SNV"])
    #expect(
      imported.document?.metadata?.recipients.map(\.unitCode).filter { !$0.isEmpty } == ["SNV", "STC", "SYT"],
      "the document keeps the whole To, so the answer shows who was not delivered")
    #expect(try await inboxes(other) == before, "STC's and SYT's inboxes are unchanged")

    let stranger = try await TestBed.make(units: Array(TestBed.units[1...3]))
    let refused = await failure {
      try await stranger.invoke(
        ExchangeService.ImportEdxml.self,
        ExchangeImportEdxmlRequest(
          source: .envelope(try await source.stream(
            ExchangeService.ExportEdxml.self,
            ExchangeExportEdxmlRequest(documentId: sent.document?.documentId ?? "", receiverOrganIds: [Sample.finance.organId]),
            as: Caller.clerk("DUK")
          ).flatMap(\.content))),
        as: clerk)
    }
    #expect(refused?.code == .permissionDenied)
    #expect(refused?.message.hasPrefix("envelope: the envelope's To names units STC, none of them SNV") == true)
  }

  @Test("an administrator's import of an outside envelope reaches every unit its To names")
  func administratorsImportReachesEveryReceiver() async throws {
    let source = try await TestBed.make()
    let sent = try await source.invoke(
      ExchangeService.Send.self,
      ExchangeSendRequest(metadata: Sample.metadata(recipients: [Sample.homeAffairs, Sample.finance])), as: Caller.clerk("DUK"))
    let envelope = try await source.stream(
      ExchangeService.ExportEdxml.self, ExchangeExportEdxmlRequest(documentId: sent.document?.documentId ?? ""),
      as: Caller.clerk("DUK")
    ).flatMap(\.content)
    let other = try await TestBed.make(units: Array(TestBed.units[1...3]))
    let imported = try await other.invoke(
      ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .envelope(envelope)), as: Caller.admin())
    #expect(imported.deliveries.map { $0.receiver?.unitCode } == ["SNV", "STC"])
  }

  static let health = ExchangeOrgan(organId: "000.00.33.H41", name: "Sở Y tế tỉnh Lai Châu")

  /// A letter of Sở Nội vụ's own, to Sở Tài chính.
  static func homeAffairsLetter() -> ExchangeDocumentMetadata {
    var metadata = Sample.metadata(recipients: [Sample.finance])
    metadata.organId = Sample.homeAffairs.organId
    metadata.issuingOrganName = Sample.homeAffairs.name
    metadata.codeNotation = "SNV-VP"
    return metadata
  }
}
