import ExchangeDomain
import Foundation
import ReformKit
import Testing

/// The sample document's attachments' bytes: 10 000 bytes and 1 MiB, from a fixed seed.
private let contents: [Data] = {
  var random = SplitMix64(seed: 0x2025_1015)
  return Sample.attachments().map { random.bytes(Int($0.sizeBytes)) }
}()

/// The sample document written with its content, in small chunks of odd sizes.
private func writtenEnvelope(_ document: StorableDocument? = nil) throws -> Data {
  let document = try document ?? Sample.storable()
  var envelope = Data()
  try EdxmlWriter(chunkSize: 4096).write(document, to: { envelope.append($0) }) { index, _, emit in
    var offset = 0
    while offset < contents[index].count {
      let end = min(offset + 1000, contents[index].count)
      try emit(contents[index].subdata(in: offset..<end))
      offset = end
    }
  }
  return envelope
}

/// Reads `envelope`, collecting each attachment's bytes.
private func readCollecting(_ envelope: Data) throws -> (EdxmlImport, [Int: Data]) {
  var received: [Int: Data] = [:]
  let imported = try EdxmlReader().read(envelope) { index, _ in
    received[index] = Data()
    return { received[index]?.append($0) }
  }
  return (imported, received)
}

/// `envelope` with the first (or, with `last`, the last) occurrence of `text` replaced by
/// `replacement`; the text must be there.
private func edited(_ envelope: Data, _ text: String, _ replacement: String, last: Bool = false) throws -> Data {
  var xml = String(decoding: envelope, as: UTF8.self)
  let range = try #require(xml.range(of: text, options: last ? .backwards : []), "\(text) is not in the envelope")
  xml.replaceSubrange(range, with: replacement)
  return Data(xml.utf8)
}

/// Whether reading `envelope` fails with an ``EdxmlError`` on `field`.
private func failsOn(_ field: String, _ envelope: Data) -> Bool {
  do {
    _ = try readCollecting(envelope)
    return false
  } catch let error as EdxmlError {
    return error.field == field && error.kind == .invalidArgument
  } catch {
    return false
  }
}

private let header = "edXMLEnvelope/edXMLHeader/MessageHeader"

@Suite("edXML envelope")
struct EdxmlTests {
  @Test func aRoundTripKeepsEveryFieldAndEveryByte() throws {
    let original = try Sample.storable()
    let (imported, received) = try readCollecting(try writtenEnvelope(original))
    #expect(imported.includesContent)
    #expect(try StorableDocument(admitting: imported.document, today: Sample.today) == original)
    #expect(imported.document.metadata == original.metadata)
    #expect(imported.document.attachments == original.attachments)
    #expect(received[0] == contents[0])
    #expect(received[1] == contents[1])
  }

  @Test func aRoundTripKeepsTextThatNeedsEscapingAndLineBreaks() throws {
    let original = try Sample.storable { $0.subject = "Về việc A & B <khẩn>\r\ndòng hai \"trích\" 'dẫn'" }
    let (imported, _) = try readCollecting(try writtenEnvelope(original))
    #expect(imported.document.metadata.subject == original.metadata.subject)
  }

  @Test func aRoundTripKeepsAnAbsentDueDateAndEmptyOptionalFields() throws {
    let original = try Sample.storable {
      $0.dueDate = nil
      $0.place = ""
      $0.signer.competence = ""
      $0.unaddressedRecipients = []
      $0.inReplyTo = []
      $0.urgency = .normal
    }
    let (imported, _) = try readCollecting(try writtenEnvelope(original))
    #expect(imported.document.metadata == original.metadata)
  }

  @Test func theEnvelopeReadsAsWellFromAStream() throws {
    let envelope = try writtenEnvelope()
    var annex = Data()
    let imported = try EdxmlReader().read(from: InputStream(data: envelope)) { index, _ in
      { chunk in if index == 1 { annex.append(chunk) } }
    }
    #expect(imported.document.metadata == (try Sample.storable()).metadata)
    #expect(annex == contents[1])
  }

  @Test func theSinkLearnsEachAttachmentBeforeItsBytes() throws {
    var opened: [(Int, String)] = []
    _ = try EdxmlReader().read(try writtenEnvelope()) { index, attachment in
      opened.append((index, attachment.name))
      return { _ in }
    }
    #expect(opened.map(\.0) == [0, 1])
    #expect(opened.map(\.1) == Sample.attachments().map(\.name))
  }

  @Test func writingIsDeterministic() throws {
    #expect(try writtenEnvelope() == (try writtenEnvelope()))
  }

  @Test func theEnvelopeUsesTheEdxmlNamespaceAndStructure() throws {
    let xml = String(decoding: try EdxmlWriter().envelope(try Sample.storable()), as: UTF8.self)
    #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML:edXMLEnvelope xmlns:edXML=\"http://www.e-doc.vn/Schema/\">"))
    for element in [
      "<edXML:edXMLHeader>", "<edXML:MessageHeader>", "<edXML:From>", "<edXML:To>", "<edXML:Code>",
      "<edXML:PromulgationInfo>", "<edXML:DocumentType>", "<edXML:Subject>", "<edXML:SignerInfo>",
      "<edXML:DueDate>2025-10-31</edXML:DueDate>", "<edXML:DocumentId>000.00.00.H41,2025/10/15,125/CV/ĐUK</edXML:DocumentId>",
      "<edXML:OtherInfo>", "<edXML:Priority>2</edXML:Priority>", "<edXML:PageAmount>3</edXML:PageAmount>",
      "<edXML:edXMLBody>", "<edXML:edXMLManifest>",
    ] {
      #expect(xml.contains(element), "\(element)")
    }
    #expect(xml.components(separatedBy: "<edXML:To>").count - 1 == 2)
  }

  @Test func textIsEscaped() throws {
    let xml = String(decoding: try EdxmlWriter().envelope(try Sample.storable()), as: UTF8.self)
    #expect(xml.contains("giai đoạn 2020–2025 &amp; báo cáo kết quả &lt;quý III&gt;</edXML:Subject>"))
  }

  @Test func aMetadataOnlyEnvelopeHasNoEncodedContent() throws {
    let envelope = try EdxmlWriter().envelope(try Sample.storable())
    #expect(!String(decoding: envelope, as: UTF8.self).contains("AttachmentEncoded"))
    let (imported, received) = try readCollecting(envelope)
    #expect(!imported.includesContent)
    #expect(imported.document.attachments == Sample.attachments())
    #expect(received.isEmpty)
  }

  @Test func theWriterHandsOnContentBeforeTheAttachmentHasBeenReadWhole() throws {
    var handedOn = 0
    var handedOnBeforeLastChunk = 0
    try EdxmlWriter(chunkSize: 8192).write(try Sample.storable(), to: { handedOn += $0.count }) { index, _, emit in
      let chunks = stride(from: 0, to: contents[index].count, by: 65_536).map {
        contents[index].subdata(in: $0..<min($0 + 65_536, contents[index].count))
      }
      for (number, chunk) in chunks.enumerated() {
        if number == chunks.count - 1 { handedOnBeforeLastChunk = handedOn }
        try emit(chunk)
      }
    }
    // The 1 MiB annex is 1.4 MB of base64; most of it left the writer before its last chunk came.
    #expect(handedOnBeforeLastChunk > 1_000_000)
  }

  @Test func theWriterHandsOnChunksOfAtMostItsChunkSize() throws {
    var sizes: [Int] = []
    try EdxmlWriter(chunkSize: 1000).write(try Sample.storable(), to: { sizes.append($0.count) }) { index, _, emit in
      try emit(contents[index])
    }
    #expect(sizes.count > 1000)
    #expect(sizes.allSatisfy { $0 <= 1000 })
  }

  @Test func contentOfAnotherSizeThanTheAttachmentIsRefusedByTheWriter() throws {
    #expect {
      try EdxmlWriter().envelope(try Sample.storable(), contents: [contents[0], contents[1].prefix(10)])
    } throws: { error in
      guard let error = error as? EdxmlError else { return false }
      return error.kind == .failedPrecondition && error.field == "attachments[1].sizeBytes"
    }
  }

  @Test func aMissingElementIsNamed() throws {
    let envelope = try edited(try writtenEnvelope(), "<edXML:Subject>", "<edXML:Ignored>")
    let withoutSubject = try edited(envelope, "</edXML:Subject>", "</edXML:Ignored>")
    #expect(failsOn("\(header)/Subject", withoutSubject))
  }

  @Test func aMissingElementOfARepeatedGroupIsNamedWithItsIndex() throws {
    let envelope = try edited(try writtenEnvelope(), "<edXML:OrganName>Sở Tài chính tỉnh Lai Châu</edXML:OrganName>", "")
    #expect(failsOn("\(header)/To[1]/OrganName", envelope))
  }

  @Test func anEnvelopeWithoutAddresseeIsRefused() throws {
    var xml = String(decoding: try EdxmlWriter().envelope(try Sample.storable()), as: UTF8.self)
    while let start = xml.range(of: "<edXML:To>"), let end = xml.range(of: "</edXML:To>") {
      xml.removeSubrange(start.lowerBound..<end.upperBound)
    }
    #expect(failsOn("\(header)/To", Data(xml.utf8)))
  }

  @Test func aBadDateIsNamed() throws {
    let envelope = try edited(try writtenEnvelope(), "2025-10-15</edXML:PromulgationDate>", "15/10/2025</edXML:PromulgationDate>")
    #expect(failsOn("\(header)/PromulgationInfo/PromulgationDate", envelope))
  }

  @Test func anUnknownPriorityIsNamed() throws {
    let envelope = try edited(try writtenEnvelope(), "<edXML:Priority>2</edXML:Priority>", "<edXML:Priority>9</edXML:Priority>")
    #expect(failsOn("\(header)/OtherInfo/Priority", envelope))
  }

  @Test func aRepeatedSingleElementIsRefused() throws {
    let envelope = try edited(
      try writtenEnvelope(), "<edXML:PageAmount>3</edXML:PageAmount>",
      "<edXML:PageAmount>3</edXML:PageAmount><edXML:PageAmount>4</edXML:PageAmount>")
    #expect(failsOn("\(header)/OtherInfo/PageAmount", envelope))
  }

  @Test func contentThatIsNotBase64IsNamed() throws {
    let envelope = try edited(try writtenEnvelope(), "<edXML:ContentTransferEncoded>", "<edXML:ContentTransferEncoded>*")
    #expect(failsOn("edXMLEnvelope/edXMLBody/AttachmentEncoded/Attachment[0]/ContentTransferEncoded", envelope))
  }

  @Test func contentShorterThanItsDeclaredSizeIsRefused() throws {
    let envelope = try edited(try writtenEnvelope(), "<edXML:Size>10000</edXML:Size>", "<edXML:Size>10003</edXML:Size>")
    #expect(failsOn("edXMLEnvelope/edXMLBody/AttachmentEncoded/Attachment[0]/ContentTransferEncoded", envelope))
  }

  @Test func contentLongerThanItsDeclaredSizeIsRefused() throws {
    let envelope = try edited(try writtenEnvelope(), "<edXML:Size>10000</edXML:Size>", "<edXML:Size>9000</edXML:Size>")
    #expect(failsOn("edXMLEnvelope/edXMLBody/AttachmentEncoded/Attachment[0]/ContentTransferEncoded", envelope))
  }

  @Test func contentForAnAttachmentOutsideTheManifestIsRefused() throws {
    let envelope = try edited(
      try writtenEnvelope(), "<edXML:ContentId>attachment-2</edXML:ContentId>",
      "<edXML:ContentId>attachment-9</edXML:ContentId>", last: true)
    #expect(failsOn("edXMLEnvelope/edXMLBody/AttachmentEncoded/Attachment[1]/ContentId", envelope))
  }

  @Test func theRootMustBeTheEdxmlEnvelope() throws {
    let envelope = Data("<edXMLEnvelope xmlns=\"urn:other\"></edXMLEnvelope>".utf8)
    #expect(failsOn("edXMLEnvelope", envelope))
  }

  @Test func malformedXMLIsRefused() throws {
    let envelope = try writtenEnvelope()
    #expect(failsOn("edXMLEnvelope", envelope.prefix(envelope.count / 2)))
  }

  @Test func anUndeclaredEntityIsRefused() throws {
    let envelope = try edited(try writtenEnvelope(), "<edXML:Subject>", "<edXML:Subject>&trichyeu;")
    #expect(failsOn("edXMLEnvelope", envelope))
  }

  @Test func elementsTheReaderDoesNotKnowAreSkipped() throws {
    let envelope = try edited(
      try writtenEnvelope(), "<edXML:Subject>",
      "<edXML:Content>Nội dung <edXML:Subject>lồng</edXML:Subject></edXML:Content>"
        + "<other:Note xmlns:other=\"urn:other\">x</other:Note><edXML:Subject>")
    let (imported, _) = try readCollecting(envelope)
    #expect(imported.document.metadata.subject == Sample.metadata().subject)
  }

  @Test func aSinksErrorStopsTheReading() throws {
    struct DiskFull: Error {}
    #expect(throws: DiskFull.self) {
      _ = try EdxmlReader().read(try writtenEnvelope()) { _, _ in { _ in throw DiskFull() } }
    }
  }

  @Test func anImportedDocumentIdThatDisagreesWithTheHeaderIsRefusedOnAdmission() throws {
    let envelope = try edited(try writtenEnvelope(), ",125/CV/ĐUK</edXML:DocumentId>", ",126/CV/ĐUK</edXML:DocumentId>")
    let (imported, _) = try readCollecting(envelope)
    #expect(imported.document.validationErrors(today: Sample.today).map(\.field) == ["metadata.documentId"])
  }
}
