import ExchangeDomain
import Foundation
import GRPCCore
import ReformModule
import ReformWire

extension ExchangeHandlers {
  /// GetDocument: one document as the reading unit sees it, audited. A unit reads a document it
  /// sent (with every copy) or received (with its copy); a caller acting for the whole bloc
  /// reads any, with every copy.
  func getDocument(_ request: ExchangeGetDocumentRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeGetDocumentResponse
  {
    let unit = try Acting.scopedUnit(request.unitCode, field: "unit_code", context)
    let documentId = try Self.documentId(request.documentId)
    let bundle = try await readableBundle(documentId, unit: unit, withNotices: request.includeNotices)
    context.audit.record(target: documentId.description, unit: unit ?? "")
    let today = self.today
    let record = bundle.document.record
    let due = record.dueDate
    var response = ExchangeGetDocumentResponse(document: try WireDocument(bundle.document))
    if let unit, record.sentUnit != unit {
      let copy = bundle.deliveries.last { $0.receiverUnit == unit }
      response.delivery = copy.map { ExchangeDelivery($0, dueDate: due, today: today) }
      if request.includeNotices, let copy {
        response.notices = (copy.deliverySeq.flatMap { bundle.notices[$0] } ?? []).map {
          ExchangeNotice($0, delivery: copy, document: record)
        }
      }
    } else {
      response.deliveries = bundle.deliveries.map { ExchangeDelivery($0, dueDate: due, today: today) }
    }
    return response
  }

  /// FetchAttachment: an attachment's bytes as chunks read from its file one at a time, from
  /// `offset`; the first chunk carries the attachment's metadata and the last is marked.
  /// Audited. A receiver whose copy was voided by a recall can no longer fetch it.
  func fetchAttachment(
    _ request: ExchangeFetchAttachmentRequest, _ context: JobContext, _ writer: JobStreamWriter<ExchangeAttachmentChunk>
  ) async throws(RPCError) {
    let unit = try Acting.scopedUnit(request.unitCode, field: "unit_code", context)
    let documentId = try Self.documentId(request.documentId)
    try ExchangeLimits.requireKey(request.attachmentId, field: "attachment_id")
    guard request.offset >= 0 else { throw FieldError.invalid("offset", "must not be negative; got \(request.offset)").rpcError }
    guard request.maxChunkBytes >= 0 else {
      throw FieldError.invalid("max_chunk_bytes", "must not be negative (0 for the default); got \(request.maxChunkBytes)").rpcError
    }
    let chunkSize =
      request.maxChunkBytes == 0
      ? ExchangeLimits.defaultFetchChunkBytes : min(Int(request.maxChunkBytes), ExchangeLimits.maxChunkBytes)
    let bundle = try await readableBundle(documentId, unit: unit)
    if let unit, bundle.document.record.sentUnit != unit,
      let copy = bundle.deliveries.last(where: { $0.receiverUnit == unit }), copy.voided != nil
    {
      throw FieldError.precondition(
        "document_id", "unit \(unit)'s copy of \(documentId) was voided by a recall; its attachments are no longer available to it").rpcError
    }
    guard let attachment = bundle.document.attachments.first(where: { $0.attachmentId == request.attachmentId }) else {
      throw FieldError.notFound("attachment_id", "\(request.attachmentId) is not an attachment of \(documentId)").rpcError
    }
    guard request.offset <= attachment.sizeBytes else {
      throw FieldError.invalid("offset", "\(request.offset) is past the end of the \(attachment.sizeBytes)-byte attachment").rpcError
    }
    context.audit.record(target: "\(documentId) \(attachment.attachmentId)", unit: unit ?? "")
    var offset = request.offset
    var first = true
    repeat {
      let count = Int(min(Int64(chunkSize), attachment.sizeBytes - offset))
      let bytes = try await guarded("reading the attachment") {
        try await content.bytes(of: attachment.fileName, at: offset, count: count)
      }
      guard bytes.count == count else {
        throw RPCError.internalFailure(
          "reading the attachment", BlobError(operation: "read", name: attachment.fileName, errno: EIO))
      }
      let last = offset + Int64(count) >= attachment.sizeBytes
      try await guarded("FetchAttachment") {
        try await writer.write(
          ExchangeAttachmentChunk(
            attachment: first ? ExchangeAttachment(attachment) : nil, offset: offset, content: bytes, last: last))
      }
      first = false
      offset += Int64(count)
    } while offset < attachment.sizeBytes
  }

  /// GetTrace: the sender's view of every receiver's history, oldest notice first. A clerk
  /// reads the trace of their own unit's documents.
  func getTrace(_ request: ExchangeGetTraceRequest, _ context: JobContext) async throws(RPCError) -> ExchangeTrace {
    let documentId = try Self.documentId(request.documentId)
    let bundle = try await partyBundle(documentId, context, withNotices: true)
    let record = bundle.document.record
    try context.requireScope(over: record.sentUnit, field: "document_id")
    context.audit.record(target: documentId.description, unit: record.sentUnit)
    let today = self.today
    return ExchangeTrace(
      document: try WireDocument(bundle.document),
      receivers: bundle.deliveries.map { delivery in
        ExchangeReceiverTrace(
          delivery: ExchangeDelivery(delivery, dueDate: record.dueDate, today: today),
          notices: (delivery.deliverySeq.flatMap { bundle.notices[$0] } ?? []).map {
            ExchangeNotice($0, delivery: delivery, document: record)
          })
      })
  }

  /// The latest document `documentId` for a call that names no unit: for a caller limited to
  /// their unit, the latest their unit sent or received, else the latest of any unit (which
  /// the caller's scope check then refuses); NOT_FOUND when there is none.
  func partyBundle(_ documentId: DocumentId, _ context: JobContext, withNotices: Bool = false) async throws(RPCError)
    -> DocumentBundle
  {
    if let own = context.ownUnitLimit,
      let bundle = try await guarded(
        "reading the document",
        { try await store.bundle(documentId: documentId.description, partyUnit: own, withNotices: withNotices) })
    {
      return bundle
    }
    return try await readableBundle(documentId, unit: nil, withNotices: withNotices)
  }

  /// The latest document `documentId` that `unit` sent or received (any, for the whole bloc);
  /// NOT_FOUND otherwise.
  func readableBundle(_ documentId: DocumentId, unit: String?, withNotices: Bool = false) async throws(RPCError)
    -> DocumentBundle
  {
    guard
      let bundle = try await guarded(
        "reading the document",
        { try await store.bundle(documentId: documentId.description, partyUnit: unit, withNotices: withNotices) })
    else {
      if let unit {
        throw FieldError.notFound("document_id", "unit \(unit) neither sent nor received \(documentId)").rpcError
      }
      throw FieldError.notFound("document_id", "no document \(documentId)").rpcError
    }
    return bundle
  }
}
