import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("edXML export and import")
struct EdxmlTests {
  private func export(_ bed: TestBed, _ documentId: String, as context: JobContext) async throws -> (chunks: [ExchangeEnvelopeChunk], envelope: [UInt8]) {
    let chunks = try await bed.stream(
      ExchangeService.ExportEdxml.self, ExchangeExportEdxmlRequest(documentId: documentId), as: context)
    return (chunks, chunks.flatMap(\.content))
  }

  @Test func exportThenImportKeepsEveryField() async throws {
    let bed = try await TestBed.make()
    let content = Sample.bytes(200_000)
    let attachment = try await bed.upload(content, unit: "DUK")
    let sent = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(attachments: [attachment.attachmentId], urgency: .veryUrgent),
      as: Caller.clerk("DUK"))
    let original = try #require(sent.document)
    let reader = Caller.clerk("SNV")
    let (chunks, envelope) = try await export(bed, original.documentId, as: reader)
    #expect(reader.audit.value == (original.documentId, "SNV"))
    #expect(chunks.first?.fileName == "000.00.00.H41,2026_10_15,125_CV_ĐUK.edxml")
    #expect(chunks.dropFirst().allSatisfy { $0.fileName.isEmpty })
    #expect(chunks.map(\.last) == Array(repeating: false, count: chunks.count - 1) + [true])
    var offset: Int64 = 0
    for chunk in chunks {
      #expect(chunk.offset == offset)
      offset += Int64(chunk.content.count)
    }
    let text = String(decoding: envelope, as: UTF8.self)
    #expect(text.contains("<edXML:DocumentId>000.00.00.H41,2026/10/15,125/CV/ĐUK</edXML:DocumentId>"))
    // Importing it again is a duplicate of itself, which a reason lets through.
    let duplicate = await failure {
      try await bed.invoke(
        ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .envelope(envelope)), as: Caller.clerk("DUK"))
    }
    #expect(duplicate?.code == .alreadyExists)
    let imported = try await bed.invoke(
      ExchangeService.ImportEdxml.self,
      ExchangeImportEdxmlRequest(idempotencyKey: "import-1", source: .envelope(envelope), confirmDuplicateReason: "Nhập lại từ trục liên thông"),
      as: Caller.clerk("DUK"))
    let copy = try #require(imported.document)
    #expect(copy.metadata == original.metadata)
    #expect(copy.documentId == original.documentId)
    #expect(copy.sender == original.sender)
    #expect(copy.attachments.map { [$0.name, $0.mediaType, $0.sha256, $0.note] } == original.attachments.map { [$0.name, $0.mediaType, $0.sha256, $0.note] })
    #expect(copy.attachments.first?.attachmentId != attachment.attachmentId)
    #expect(imported.deliveries.map(\.arrivalNumber) == [2, 2])
    let fetched = try await bed.stream(
      ExchangeService.FetchAttachment.self,
      ExchangeFetchAttachmentRequest(documentId: copy.documentId, attachmentId: copy.attachments.first?.attachmentId ?? ""),
      as: Caller.clerk("STC"))
    #expect(fetched.flatMap(\.content) == content)
    let again = try await bed.invoke(
      ExchangeService.ImportEdxml.self,
      ExchangeImportEdxmlRequest(idempotencyKey: "import-1", source: .envelope(envelope), confirmDuplicateReason: "Nhập lại từ trục liên thông"),
      as: Caller.clerk("DUK"))
    #expect(again.replayed)
    #expect(again.document == imported.document)
  }

  @Test func anEnvelopeFromOutsideTheRegistryIsImportedByAReceiversClerk() async throws {
    let source = try await TestBed.make()
    let sent = try await source.invoke(ExchangeService.Send.self, Sample.send(receivers: [Sample.homeAffairs]), as: Caller.clerk("DUK"))
    let (_, envelope) = try await export(source, sent.document?.documentId ?? "", as: Caller.clerk("DUK"))
    // Another exchange whose registry has the two departments but not the issuer.
    let other = try await TestBed.make(units: Array(TestBed.units[1...2]))
    let upload = try await other.upload(envelope, unit: "SNV", name: "envelope.edxml")
    let foreign = await failure {
      try await other.invoke(
        ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .attachmentId(upload.attachmentId)),
        as: Caller.clerk("STC"))
    }
    #expect(foreign?.code == .permissionDenied)
    let imported = try await other.invoke(
      ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .attachmentId(upload.attachmentId)),
      as: Caller.clerk("SNV"))
    #expect(imported.document?.sender?.unitCode == "")
    #expect(imported.document?.sender?.organId == "000.00.00.H41")
    #expect(imported.deliveries.map { $0.receiver?.unitCode } == ["SNV"])
    let sentList = try await other.invoke(ExchangeService.ListSent.self, ExchangeListSentRequest(), as: Caller.clerk("SNV"))
    #expect(sentList.items.count == 1)
  }

  @Test func aMalformedEnvelopeIsRefusedNamingTheElementAndLeavesNoFile() async throws {
    let bed = try await TestBed.make()
    let sent = try await bed.invoke(
      ExchangeService.Send.self,
      Sample.send(attachments: [try await bed.upload(Sample.bytes(10_000), unit: "DUK").attachmentId]),
      as: Caller.clerk("DUK"))
    let (_, envelope) = try await export(bed, sent.document?.documentId ?? "", as: Caller.clerk("DUK"))
    let files = try await bed.attachmentFiles()
    let counts = try await bed.rowCounts()
    let broken = String(decoding: envelope, as: UTF8.self)
      .replacingOccurrences(of: "<edXML:CodeNumber>125</edXML:CodeNumber>", with: "")
    let missing = await failure {
      try await bed.invoke(
        ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .envelope(Array(broken.utf8))),
        as: Caller.clerk("DUK"))
    }
    #expect(missing?.code == .invalidArgument)
    #expect(missing?.message.contains("CodeNumber") == true)
    let tampered = String(decoding: envelope, as: UTF8.self)
      .replacingOccurrences(of: "<edXML:Sha256>", with: "<edXML:Sha256>0")
      .replacingOccurrences(of: "</edXML:Sha256>", with: "</edXML:Sha256>")
    let mismatch = await failure {
      try await bed.invoke(
        ExchangeService.ImportEdxml.self,
        ExchangeImportEdxmlRequest(source: .envelope(Array(tampered.utf8)), confirmDuplicateReason: "x"),
        as: Caller.clerk("DUK"))
    }
    #expect(mismatch?.code == .invalidArgument)
    #expect(try await bed.attachmentFiles() == files)
    #expect(try await bed.rowCounts() == counts)
    let garbage = await failure {
      try await bed.invoke(
        ExchangeService.ImportEdxml.self, ExchangeImportEdxmlRequest(source: .envelope(Array("not xml".utf8))),
        as: Caller.clerk("DUK"))
    }
    #expect(garbage?.code == .invalidArgument)
    #expect(garbage?.message.hasPrefix("envelope:") == true)
  }
}
