import Foundation

/// Writes one document as an edXML envelope (QCVN 102:2016/BTTTT): deterministic, escaped,
/// UTF-8, in the namespace `http://www.e-doc.vn/Schema/` bound to the prefix `edXML`.
///
/// The elements written, in this order (`?` when optional, `*` when repeated):
///
/// ```
/// edXMLEnvelope
///   edXMLHeader/MessageHeader
///     From: OrganId, OrganName                       issuer (metadata.organId, issuingOrganName)
///     To*: OrganId, OrganName                        one per recipient with an OrganId
///     Code: CodeNumber, CodeNotation
///     PromulgationInfo: Place, PromulgationDate      date as yyyy-mm-dd
///     DocumentType: Type, TypeName                   code and name
///     Subject
///     SignerInfo: Competence, Position, FullName
///     DueDate?                                       yyyy-mm-dd, only when set
///     ToPlaces?: Place*                              recipients without an OrganId
///     DocumentId                                     national form
///     ResponseFor*: DocumentId                       documents this one answers
///     OtherInfo: Priority, PageAmount                priority 0 thường … 3 hỏa tốc
///   edXMLBody
///     edXMLManifest/Reference*: ContentId, AttachmentName, ContentType, Size, Sha256, Description
///     AttachmentEncoded?/Attachment*: ContentId, ContentTransferEncoded   base64, one line
/// ```
///
/// `AttachmentEncoded` is left out when the envelope carries metadata only. Confidentiality is
/// not written: only a ``StorableDocument`` can be written, and it is never secret.
public struct EdxmlWriter: Sendable {
  /// About how many bytes each call of the output receives (the last one fewer).
  public var chunkSize: Int

  /// A writer handing on chunks of about `chunkSize` bytes (64 KiB by default).
  public init(chunkSize: Int = 64 * 1024) {
    precondition(chunkSize > 0, "chunk size must be positive")
    self.chunkSize = chunkSize
  }

  /// Writes `document` to `output` in chunks. `content`, when given, streams attachment
  /// `index`'s bytes by calling its `emit` argument with chunks of any size, in order; the
  /// writer encodes each chunk as it comes, so no attachment is held whole. When `content` is
  /// nil the envelope carries metadata only.
  ///
  /// Throws ``EdxmlError`` (`failedPrecondition` on `attachments[i].sizeBytes`) when the bytes
  /// streamed for an attachment do not add up to its size, and whatever `content` or `output`
  /// throw.
  public func write(
    _ document: StorableDocument,
    to output: (Data) throws -> Void,
    content: ((_ index: Int, _ attachment: Attachment, _ emit: (Data) throws -> Void) throws -> Void)? = nil
  ) throws {
    try withoutActuallyEscaping(output) { output in
      var xml = XMLEmitter(chunkSize: chunkSize, output: output)
      try xml.begin()
      try xml.open(EdxmlNames.header)
      try writeMessageHeader(document, into: &xml)
      try xml.close(EdxmlNames.header)
      try xml.open(EdxmlNames.body)
      try writeManifest(document.attachments, into: &xml)
      if let content {
        try writeContent(document.attachments, content, into: &xml)
      }
      try xml.close(EdxmlNames.body)
      try xml.end()
    }
  }

  /// The whole envelope in memory, for small documents: `contents[i]` is attachment `i`'s
  /// bytes; nil for metadata only.
  public func envelope(_ document: StorableDocument, contents: [Data]? = nil) throws -> Data {
    var envelope = Data()
    try write(document, to: { envelope.append($0) }, content: contents.map { contents in
      { index, _, emit in if index < contents.count { try emit(contents[index]) } }
    })
    return envelope
  }

  private func writeMessageHeader(_ document: StorableDocument, into xml: inout XMLEmitter) throws {
    let metadata = document.metadata
    typealias N = EdxmlNames
    try xml.open(N.messageHeader)
    try writeOrgan(N.from, Organ(organId: metadata.organId, name: metadata.issuingOrganName), into: &xml)
    for recipient in metadata.recipients { try writeOrgan(N.to, recipient, into: &xml) }
    try xml.open(N.code)
    try xml.leaf(N.codeNumber, metadata.codeNumber)
    try xml.leaf(N.codeNotation, metadata.codeNotation)
    try xml.close(N.code)
    try xml.open(N.promulgationInfo)
    try xml.leaf(N.place, metadata.place)
    try xml.leaf(N.promulgationDate, metadata.issuedDate.formatted(separator: "-"))
    try xml.close(N.promulgationInfo)
    try xml.open(N.documentType)
    try xml.leaf(N.type, String(metadata.documentType.code))
    try xml.leaf(N.typeName, metadata.documentType.name)
    try xml.close(N.documentType)
    try xml.leaf(N.subject, metadata.subject)
    try xml.open(N.signerInfo)
    try xml.leaf(N.competence, metadata.signer.competence)
    try xml.leaf(N.position, metadata.signer.position)
    try xml.leaf(N.fullName, metadata.signer.fullName)
    try xml.close(N.signerInfo)
    if let dueDate = metadata.dueDate { try xml.leaf(N.dueDate, dueDate.formatted(separator: "-")) }
    if !metadata.unaddressedRecipients.isEmpty {
      try xml.open(N.toPlaces)
      for place in metadata.unaddressedRecipients { try xml.leaf(N.place, place) }
      try xml.close(N.toPlaces)
    }
    try xml.leaf(N.documentId, document.documentId.description)
    for answered in metadata.inReplyTo {
      try xml.open(N.responseFor)
      try xml.leaf(N.documentId, answered)
      try xml.close(N.responseFor)
    }
    try xml.open(N.otherInfo)
    try xml.leaf(N.priority, String(metadata.urgency.edxmlPriority))
    try xml.leaf(N.pageAmount, String(metadata.pageCount))
    try xml.close(N.otherInfo)
    try xml.close(N.messageHeader)
  }

  private func writeOrgan(_ element: String, _ organ: Organ, into xml: inout XMLEmitter) throws {
    try xml.open(element)
    try xml.leaf(EdxmlNames.organId, organ.organId)
    try xml.leaf(EdxmlNames.organName, organ.name)
    try xml.close(element)
  }

  private func writeManifest(_ attachments: [Attachment], into xml: inout XMLEmitter) throws {
    typealias N = EdxmlNames
    try xml.open(N.manifest)
    for (index, attachment) in attachments.enumerated() {
      try xml.open(N.reference)
      try xml.leaf(N.contentId, N.contentId(ofAttachment: index))
      try xml.leaf(N.attachmentName, attachment.name)
      try xml.leaf(N.contentType, attachment.mediaType)
      try xml.leaf(N.size, String(attachment.sizeBytes))
      try xml.leaf(N.sha256, attachment.sha256)
      try xml.leaf(N.description, attachment.note)
      try xml.close(N.reference)
    }
    try xml.close(N.manifest)
  }

  private func writeContent(
    _ attachments: [Attachment],
    _ content: (Int, Attachment, (Data) throws -> Void) throws -> Void,
    into xml: inout XMLEmitter
  ) throws {
    typealias N = EdxmlNames
    try xml.open(N.attachmentEncoded)
    for (index, attachment) in attachments.enumerated() {
      try xml.open(N.attachment)
      try xml.leaf(N.contentId, N.contentId(ofAttachment: index))
      var written: Int64 = 0
      try xml.openInline(N.contentTransferEncoded)
      var encoder = Base64ChunkEncoder()
      try content(index, attachment) { chunk in
        written += Int64(chunk.count)
        try xml.appendVerbatim(encoder.encode(chunk))
      }
      try xml.appendVerbatim(encoder.finish())
      try xml.closeInline(N.contentTransferEncoded)
      if written != attachment.sizeBytes {
        throw EdxmlError(
          .failedPrecondition, field: "attachments[\(index)].sizeBytes",
          "the content streamed was \(written) bytes but the attachment's size is \(attachment.sizeBytes)")
      }
      try xml.close(N.attachment)
    }
    try xml.close(N.attachmentEncoded)
  }
}
