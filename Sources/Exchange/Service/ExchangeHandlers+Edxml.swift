import ExchangeDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension ExchangeHandlers {
  /// Bytes of an attachment read from its file at a time while an envelope is written.
  private static var envelopeReadBytes: Int { 256 << 10 }

  /// ExportEdxml: one document as an edXML envelope, written in chunks to a spool file as it is
  /// encoded (the attachments read from their files and encoded as they are read), then
  /// streamed under the stream's flow-control window. Audited. The envelope's To
  /// is every receiver of the document, or those named. A document frozen by a recall is not
  /// exported: it may be delivered no further.
  func exportEdxml(
    _ request: ExchangeExportEdxmlRequest, _ context: JobContext, _ writer: JobStreamWriter<ExchangeEnvelopeChunk>
  ) async throws(RPCError) {
    let documentId = try Self.documentId(request.documentId)
    let bundle = try await partyBundle(documentId, context)
    let record = bundle.document.record
    let parties = Set([record.sentUnit] + bundle.deliveries.map(\.receiverUnit))
    let reader = context.ownUnitLimit.flatMap { parties.contains($0) ? $0 : nil } ?? record.sentUnit
    try context.requireScope(over: reader, field: "document_id")
    try ExchangeLimits.checkCount(request.receiverOrganIds.count, field: "receiver_organ_ids", max: ExchangeLimits.maxEntries)
    if let frozen = record.frozen {
      throw FieldError.precondition(
        "document_id",
        "\(documentId) was frozen by a recall agreed by unit \(frozen.unitCode); it may be delivered no further").rpcError
    }
    let storable = try exportable(bundle, receiverOrganIds: request.receiverOrganIds)
    context.audit.record(target: documentId.description, unit: reader)
    let files = bundle.document.attachments.map(\.fileName)
    let fileName = documentId.description.map { "/\\:".contains($0) ? "_" : String($0) }.joined() + ".edxml"
    // The writer encodes synchronously, attachments and all, from files of the local folder
    // (copies of the database's content, beside PostgreSQL); its chunks are spooled to disk and
    // then sent under the stream's window, so a slow reader never holds them in memory.
    let folder = content.folder
    var locals: [String] = []
    defer { for (local, name) in zip(locals, files) { content.release(local, of: name) } }
    if !request.omitAttachments {
      for name in files { locals.append(try await guarded("ExportEdxml") { try await content.local(name) }) }
    }
    let staged = locals
    try await guarded("ExportEdxml") {
      let spool = try ItemSpool<ExchangeEnvelopeChunk>()
      var chunker = EnvelopeChunker(fileName: fileName) { try spool.append($0) }
      try EdxmlWriter(chunkSize: ExchangeLimits.defaultFetchChunkBytes).write(
        storable, to: { try chunker.append($0) },
        content: request.omitAttachments
          ? nil
          : { index, attachment, emit in
            var offset: Int64 = 0
            while offset < attachment.sizeBytes {
              let count = Int(min(Int64(Self.envelopeReadBytes), attachment.sizeBytes - offset))
              let bytes = try folder.fileBytes(of: staged[index], at: offset, count: count)
              if bytes.isEmpty { break }
              try emit(Data(bytes))
              offset += Int64(bytes.count)
            }
          })
      try chunker.finish()
      try await spool.send(to: writer)
    }
  }

  /// ImportEdxml: delivers an envelope's document to the units of the registry in its To, as
  /// Send would. The envelope is read twice: once to learn who sends and who receives, for the
  /// scope check, before anything is written; then to write its attachments to files, each
  /// hashed as it is decoded and checked against the manifest.
  ///
  /// Where it is delivered depends on who issued it. An envelope issued by a unit of the
  /// registry is that unit sending, as Send would: only a caller who may act for the issuer
  /// imports it, and then to every receiver. An envelope from an outside organ is the caller
  /// receiving a letter, and a caller receives only for the units they act for: a clerk's
  /// import is delivered to their own unit alone, never into the inboxes of the other units
  /// the To names (``receiversInScope(_:_:)``).
  ///
  /// edXML has no element for confidentiality (độ mật): a state secret never travels over the
  /// exchange, so an envelope is a document at the normal level by definition, and is stored so.
  func importEdxml(_ request: ExchangeImportEdxmlRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeSendResponse
  {
    try ExchangeLimits.checkKey(request.idempotencyKey, field: "idempotency_key")
    try ExchangeLimits.checkLength(
      request.confirmDuplicateReason, field: "confirm_duplicate_reason", max: ExchangeLimits.maxTextLength)
    let (source, releaseSource) = try await envelopeSource(request.source, context)
    defer { releaseSource() }
    let acting = Acting.unit("", context) ?? ""
    let claim = try await guarded("ImportEdxml") { try Self.claim(method: "ImportEdxml", unit: acting, request: request) }
    if let earlier = try await guarded("ImportEdxml", { try await store.earlierAnswer(claim) }) {
      var response = try Self.decodeSendResponse(earlier)
      response.replayed = true
      context.audit.record(target: response.document?.documentId ?? "", unit: acting)
      return response
    }
    let outline = try Self.readEnvelope(source) { _, _ in { _ in } }
    let from = outline.document.metadata.organId
    let sender = try await guarded("ImportEdxml", { try await units.unit(forOrgan: from) })
    var receivers: [UnitOrgan] = []
    for recipient in outline.document.metadata.recipients {
      if let unit = try await guarded("ImportEdxml", { try await units.unit(forOrgan: recipient.organId) }),
        !receivers.contains(unit)
      {
        receivers.append(unit)
      }
    }
    guard !receivers.isEmpty else {
      throw FieldError.precondition("envelope", "no organ in the envelope's To is a unit of the registry").rpcError
    }
    if let sender {
      try context.requireScope(over: sender.unitCode, field: "envelope")
    } else {
      receivers = try Self.receiversInScope(receivers, context)
    }
    if !outline.includesContent, !outline.document.attachments.isEmpty {
      throw FieldError.invalid(
        "envelope", "the manifest lists \(outline.document.attachments.count) attachments but the envelope carries no AttachmentEncoded content").rpcError
    }
    let owner = sender?.unitCode ?? acting
    let written = WrittenAttachments(blobs: content.folder)
    // Attachment files taken into the content store (file, stored name), to take back if the
    // import fails.
    var adopted: [(name: String, stored: String)] = []
    do throws(RPCError) {
      let imported = try Self.readEnvelope(source) { _, _ in
        let writer = try written.create()
        return { try writer.append($0) }
      }
      var newAttachments = try written.seal(imported.document.attachments, unitCode: owner)
      for index in newAttachments.indices {
        let attachment = newAttachments[index]
        let stored = try await guarded("ImportEdxml") { try await content.adopt(attachment.fileName, sha256: attachment.sha256) }
        adopted.append((attachment.fileName, stored))
        newAttachments[index].fileName = stored
      }
      let storable: StorableDocument
      do {
        storable = try StorableDocument(admitting: imported.document, today: today)
      } catch {
        throw FieldError(FieldError.code(of: error.kind), "envelope: " + FieldPath.proto(error.field), error.message).rpcError
      }
      let organ =
        sender.map(ExchangeOrgan.init)
        ?? ExchangeOrgan(organId: storable.metadata.organId, name: storable.metadata.issuingOrganName)
      let response = try await deliver(
        storable,
        slots: RecipientSlot.envelopeOrder(
          addressed: storable.metadata.recipients.count, unaddressed: storable.metadata.unaddressedRecipients.count),
        from: organ, to: receivers, attachmentIds: newAttachments.map(\.attachmentId), newAttachments: newAttachments,
        confirmDuplicateReason: request.confirmDuplicateReason, claim: claim, context: context)
      if response.replayed {
        written.removeAll()
        for (name, stored) in adopted { await content.disown(name, stored: stored) }
      }
      // An outside organ's envelope has no sending unit: the entry names the importer's.
      context.audit.record(unit: acting)
      return response
    } catch {
      written.removeAll()
      for (name, stored) in adopted { await content.disown(name, stored: stored) }
      throw error
    }
  }

  /// The receivers an import from an outside organ is delivered to: every one for a caller who
  /// may act for any unit; for a clerk, their own unit alone.
  ///
  /// Delivering to the clerk's unit and leaving the rest out, rather than refusing the whole
  /// envelope, is deliberate: a letter addressed to many agencies reaches each by its own
  /// channel, and each registers its own copy; refusing would leave the clerk no way to
  /// register theirs. The answer's `deliveries` list where it landed, and the document keeps the
  /// envelope's whole To (each recipient with its `unit_code`), so the caller sees who was not
  /// delivered; those units' clerks import the same envelope for themselves (a repeat of the
  /// DocumentId, confirmed with `confirm_duplicate_reason`). A clerk whose unit the To does not
  /// name is refused with PERMISSION_DENIED on `envelope`.
  static func receiversInScope(_ receivers: [UnitOrgan], _ context: JobContext) throws(RPCError) -> [UnitOrgan] {
    guard let own = context.ownUnitLimit else { return receivers }
    let mine = receivers.filter { $0.unitCode == own }
    guard !mine.isEmpty else {
      throw FieldError.permissionDenied(
        "envelope",
        "the envelope's To names units \(receivers.map(\.unitCode).joined(separator: ", ")), none of them \(own); a clerk of \(own) imports only documents addressed to \(own)").rpcError
    }
    return mine
  }

  /// The envelope's bytes or, for an uploaded envelope, its file, after the scope check on the
  /// unit that uploaded it.
  private func envelopeSource(_ source: ExchangeImportEdxmlRequest.Source?, _ context: JobContext) async throws(RPCError)
    -> (EnvelopeSource, release: @Sendable () -> Void)
  {
    switch source {
    case .envelope(let bytes)?:
      guard !bytes.isEmpty else { throw FieldError.invalid("envelope", "empty").rpcError }
      return (.bytes(Data(bytes)), {})
    case .attachmentId(let id)?:
      try ExchangeLimits.requireKey(id, field: "attachment_id")
      guard let attachment = try await guarded("ImportEdxml", { try await store.attachments([id])[id] }) else {
        throw FieldError.notFound("attachment_id", "no committed attachment \(id); commit the envelope's upload first").rpcError
      }
      try context.requireScope(over: attachment.unitCode, field: "attachment_id")
      let content = content
      let name = attachment.fileName
      let local = try await guarded("ImportEdxml") { try await content.local(name) }
      return (.file(content.folder.file(local)), { content.release(local, of: name) })
    case nil:
      throw FieldError.invalid("source", "required: the envelope itself, or the attachment_id of an uploaded one").rpcError
    }
  }

  /// Reads `source` with `sink` for the attachments' content; an edXML error names the
  /// element in the envelope.
  private static func readEnvelope(
    _ source: EnvelopeSource, sink: (Int, Attachment) throws -> (Data) throws -> Void
  ) throws(RPCError) -> EdxmlImport {
    do {
      switch source {
      case .bytes(let data):
        return try EdxmlReader().read(data, attachmentSink: sink)
      case .file(let path):
        guard let stream = InputStream(fileAtPath: path) else {
          throw RPCError.internalFailure("opening the uploaded envelope", BlobError(operation: "open", name: path, errno: ENOENT))
        }
        return try EdxmlReader().read(from: stream, attachmentSink: sink)
      }
    } catch let error as EdxmlError {
      throw FieldError(FieldError.code(of: error.kind), "envelope: " + error.field, error.message).rpcError
    } catch let error as RPCError {
      throw error
    } catch {
      throw RPCError.internalFailure("reading the envelope", error)
    }
  }

  /// The document as the envelope carries it: its metadata with the envelope's To, and its
  /// attachments.
  private func exportable(_ bundle: DocumentBundle, receiverOrganIds: [String]) throws(RPCError) -> StorableDocument {
    let stored = try WireDocument(bundle.document)
    guard let metadata = stored.metadata else {
      throw RPCError.internalFailure("reading the stored metadata", StoreInconsistency("no metadata"))
    }
    var mapped = try metadata.domain()
    let names = Dictionary(
      mapped.metadata.recipients.map { ($0.organId, $0.name) }, uniquingKeysWith: { first, _ in first })
    var to: [Organ] = []
    if receiverOrganIds.isEmpty {
      for copy in bundle.deliveries where !to.contains(where: { $0.organId == copy.receiverOrganId }) {
        to.append(Organ(organId: copy.receiverOrganId, name: names[copy.receiverOrganId] ?? copy.receiverName))
      }
    } else {
      let receivers = Dictionary(
        bundle.deliveries.map { ($0.receiverOrganId, $0.receiverName) }, uniquingKeysWith: { first, _ in first })
      for (index, organId) in receiverOrganIds.enumerated() {
        guard let name = names[organId] ?? receivers[organId] else {
          throw FieldError.invalid(
            "receiver_organ_ids[\(index)]", "\(organId) is neither a receiver nor a recipient of the document").rpcError
        }
        guard !to.contains(where: { $0.organId == organId }) else {
          throw FieldError.invalid("receiver_organ_ids[\(index)]", "\(organId) is named twice").rpcError
        }
        to.append(Organ(organId: organId, name: name))
      }
    }
    mapped.metadata.recipients = to
    let attachments = bundle.document.attachments.map {
      Attachment(name: $0.name, mediaType: $0.mediaType, sizeBytes: $0.sizeBytes, sha256: $0.sha256, note: $0.note)
    }
    do {
      return try StorableDocument(
        admitting: DomainDocument(metadata: mapped.metadata, attachments: attachments),
        today: max(today, mapped.metadata.issuedDate))
    } catch {
      throw RPCError.internalFailure("admitting the stored document for export", error)
    }
  }

  private static func decodeSendResponse(_ bytes: Data) throws(RPCError) -> ExchangeSendResponse {
    do {
      return try ExchangeSendResponse(wireBytes: [UInt8](bytes))
    } catch {
      throw RPCError.internalFailure("reading the first answer to this idempotency key", error)
    }
  }
}
