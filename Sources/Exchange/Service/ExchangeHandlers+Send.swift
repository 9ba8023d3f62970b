import ExchangeDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformStore
import ReformWire

extension ExchangeHandlers {
  /// Send: the document to each receiver, with its arrival number and the 01 notice back.
  ///
  /// In order: the sending unit and the caller's scope over it; a secret document's refusal;
  /// the size limits; a repeat of the idempotency key (answered from the first send); then the
  /// domain's validation, the attachments and the receivers; and finally one write transaction
  /// that refuses an unconfirmed duplicate and stores everything else.
  func send(_ request: ExchangeSendRequest, _ context: JobContext) async throws(RPCError) -> ExchangeSendResponse {
    let sender = try await sendingUnit(request.sender ?? ExchangeOrgan(), context)
    if let refusal = request.metadata?.secretRefusal() { throw FieldError(refusal).rpcError }
    try Self.checkLimits(request)
    let claim = try await guarded("Send") { try Self.claim(method: "Send", unit: sender.unitCode, request: request) }
    if let earlier = try await guarded("Send", { try await store.earlierAnswer(claim) }) {
      return try replay(earlier, context: context, unit: sender.unitCode)
    }
    guard let metadata = request.metadata else { throw FieldError.invalid("metadata", "required").rpcError }
    var mapped = try metadata.domain()
    let issuer = mapped.metadata.organId.trimmingCharacters(in: .whitespacesAndNewlines)
    if issuer.isEmpty {
      mapped.metadata.organId = sender.organId
    } else if issuer != sender.organId {
      throw FieldError.invalid(
        "metadata.organ_id", "\(issuer) is not the OrganId of the sending unit \(sender.unitCode) (\(sender.organId)): a unit sends the documents it issues").rpcError
    }
    let attachments = try await committedAttachments(request.attachmentIds, unitCode: sender.unitCode)
    let storable: StorableDocument
    do {
      storable = try StorableDocument(
        admitting: DomainDocument(metadata: mapped.metadata, attachments: attachments.map(\.domain)), today: today)
    } catch {
      // An attachment's fault names the request's attachment id it came from.
      let field =
        if let entry = FieldPath.entry(error.field), entry.list == "attachments" {
          "attachment_ids[\(entry.index)] (\(FieldPath.proto(entry.rest)))"
        } else {
          mapped.protoPath(error.field)
        }
      throw FieldError(FieldError.code(of: error.kind), field, error.message).rpcError
    }
    let receivers = try await resolveReceivers(request.receivers, of: storable, mapped: mapped)
    return try await deliver(
      storable, slots: mapped.slots, from: sender, to: receivers, attachmentIds: attachments.map(\.record.attachmentId),
      confirmDuplicateReason: request.confirmDuplicateReason, claim: claim, context: context)
  }

  /// CheckDuplicates: the earlier documents a document would duplicate, by either rule.
  func checkDuplicates(_ request: ExchangeCheckDuplicatesRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeCheckDuplicatesResponse
  {
    let metadata = request.metadata ?? ExchangeDocumentMetadata()
    var organId = metadata.organId.trimmingCharacters(in: .whitespacesAndNewlines)
    try ExchangeLimits.checkLength(organId, field: "metadata.organ_id", max: ExchangeLimits.maxKeyLength)
    var unitCode = ""
    if organId.isEmpty {
      let unit = try Acting.requiredUnit("", field: "metadata.organ_id", context)
      guard let organ = try await guarded("CheckDuplicates", { try await units.organ(forUnit: unit) }) else {
        throw FieldError.precondition("metadata.organ_id", "unit \(unit) has no OrganId in the exchange's directory").rpcError
      }
      organId = organ.organId
      unitCode = unit
    } else {
      unitCode = try await guarded("CheckDuplicates", { try await units.unit(forOrgan: organId)?.unitCode }) ?? ""
      try context.requireScope(over: unitCode, field: "metadata.organ_id")
    }
    guard let organ = OrganId(organId) else {
      throw FieldError.invalid("metadata.organ_id", OrganId.defect(in: organId) ?? "not an OrganId").rpcError
    }
    guard let issued = metadata.issuedDate else { throw FieldError.invalid("metadata.issued_date", "required").rpcError }
    let issuedDay = try issued.civil(field: "metadata.issued_date")
    let documentId: DocumentId
    do {
      documentId = try DocumentId(
        organId: organ, issuedDate: issuedDay,
        codeNumber: metadata.codeNumber.trimmingCharacters(in: .whitespacesAndNewlines),
        codeNotation: metadata.codeNotation.trimmingCharacters(in: .whitespacesAndNewlines))
    } catch {
      throw FieldError(error, under: "metadata").rpcError
    }
    let matches = try await guarded("CheckDuplicates") { try await store.duplicateMatches(of: documentId) }
    context.audit.record(target: documentId.description, unit: unitCode)
    return ExchangeCheckDuplicatesResponse(
      matches: matches.map { match, sender, sent in
        ExchangeDuplicateMatch(
          documentId: match.documentId.description, rule: ExchangeDuplicateRule(rawValue: Int32(match.rule.rawValue)),
          sender: ExchangeOrgan(sender), sent: ExchangeStamp(sent))
      })
  }

  /// Stores an admitted document as sent by `sender` to `receivers` and answers as Send does;
  /// Send and ImportEdxml end here.
  func deliver(
    _ storable: StorableDocument, slots: [RecipientSlot], from sender: ExchangeOrgan, to receivers: [UnitOrgan],
    attachmentIds: [String], newAttachments: [AttachmentRecord] = [], confirmDuplicateReason: String,
    claim: IdempotencyClaim?, context: JobContext
  ) async throws(RPCError) -> ExchangeSendResponse {
    var unitCodes: [String: String] = [:]
    for receiver in receivers { unitCodes[receiver.organId] = receiver.unitCode }
    for recipient in storable.metadata.recipients where unitCodes[recipient.organId] == nil {
      if let unit = try await guarded("Send", { try await units.unit(forOrgan: recipient.organId) }) {
        unitCodes[recipient.organId] = unit.unitCode
      }
    }
    let principal = Acting.principal(context)
    let outgoing = OutgoingDocument(
      storable, sendingUnit: sender.unitCode, sender: Organ(organId: sender.organId, name: sender.name),
      actingUnit: Acting.unit("", context))
    let today = self.today
    let plan = try await guarded("Send") {
      SendPlan(
        outgoing: outgoing,
        metadata: Data(try ExchangeDocumentMetadata(storable, slots: slots, unitCodes: unitCodes).wireBytes()),
        attachmentIds: attachmentIds, newAttachments: newAttachments, receivers: receivers,
        confirmDuplicateReason: confirmDuplicateReason,
        claim: claim, principalId: principal.id, displayName: principal.displayName)
    }
    let outcome: SendOutcome
    do {
      outcome = try await store.send(plan, clock: clock) { stored, deliveries in
        Data(try Self.sendResponse(stored, deliveries, today: today).wireBytes())
      }
    } catch {
      // A duplicate not confirmed, a key reused: refusals naming their field.
      throw Self.status(of: error, "Send")
    }
    switch outcome {
    case .replayed(let earlier):
      return try replay(earlier, context: context, unit: sender.unitCode)
    case .sent(let stored, let deliveries, _):
      context.audit.record(target: storable.documentId.description, unit: sender.unitCode)
      return try Self.sendResponse(stored, deliveries, today: today)
    }
  }

  /// The answer to Send and ImportEdxml.
  static func sendResponse(_ stored: StoredDocument, _ deliveries: [DeliveryRecord], today: CivilDate) throws(RPCError)
    -> ExchangeSendResponse
  {
    ExchangeSendResponse(
      document: try WireDocument(stored),
      deliveries: deliveries.map { ExchangeDelivery($0, dueDate: stored.record.dueDate, today: today) })
  }

  /// The first answer to a repeated request, marked as a repeat.
  private func replay(_ earlier: Data, context: JobContext, unit: String) throws(RPCError) -> ExchangeSendResponse {
    var response: ExchangeSendResponse
    do {
      response = try ExchangeSendResponse(wireBytes: [UInt8](earlier))
    } catch {
      throw RPCError.internalFailure("reading the first answer to this idempotency key", error)
    }
    response.replayed = true
    context.audit.record(target: response.document?.documentId ?? "", unit: unit)
    return response
  }

  /// The unit that sends: the registry unit of `sender.organ_id`, or of `sender.unit_code`, or
  /// the caller's own, after the scope check.
  private func sendingUnit(_ sender: ExchangeOrgan, _ context: JobContext) async throws(RPCError) -> ExchangeOrgan {
    try ExchangeLimits.checkLength(sender.organId, field: "sender.organ_id", max: ExchangeLimits.maxKeyLength)
    let organ: UnitOrgan?
    if !sender.organId.isEmpty {
      organ = try await guarded("Send", { try await units.unit(forOrgan: sender.organId) })
      try context.requireScope(over: organ?.unitCode ?? "", field: "sender.organ_id")
      guard organ != nil else {
        throw FieldError.notFound("sender.organ_id", "\(sender.organId) is not a unit of the registry").rpcError
      }
    } else {
      let unit = try Acting.requiredUnit(sender.unitCode, field: "sender.unit_code", context)
      organ = try await guarded("Send", { try await units.organ(forUnit: unit) })
      guard organ != nil else {
        throw FieldError.precondition("sender", "unit \(unit) has no OrganId in the exchange's directory").rpcError
      }
    }
    guard let organ else { throw FieldError.invalid("sender", "required").rpcError }
    return ExchangeOrgan(organ)
  }

  /// The committed attachments `ids`, each the sending unit's own.
  private func committedAttachments(_ ids: [String], unitCode: String) async throws(RPCError)
    -> [(record: AttachmentRecord, domain: Attachment)]
  {
    var seen: [String: Int] = [:]
    for (index, id) in ids.enumerated() {
      try ExchangeLimits.requireKey(id, field: "attachment_ids[\(index)]")
      if let earlier = seen[id] {
        throw FieldError.invalid("attachment_ids[\(index)]", "\(id) is already attachment_ids[\(earlier)]").rpcError
      }
      seen[id] = index
    }
    let found = try await guarded("Send", { try await store.attachments(ids) })
    return try ids.enumerated().map { (index, id) throws(RPCError) in
      guard let record = found[id] else {
        throw FieldError.notFound("attachment_ids[\(index)]", "no committed attachment \(id); commit its upload first").rpcError
      }
      guard record.unitCode == unitCode else {
        throw FieldError.permissionDenied(
          "attachment_ids[\(index)]", "\(id) was uploaded by unit \(record.unitCode); a unit sends only its own uploads").rpcError
      }
      return (
        record,
        Attachment(
          name: record.name, mediaType: record.mediaType, sizeBytes: record.sizeBytes, sha256: record.sha256,
          note: record.note)
      )
    }
  }

  /// The units that receive: `requested` (each among the document's recipients), or every
  /// recipient with an OrganId; each must be a unit of the registry.
  private func resolveReceivers(
    _ requested: [ExchangeOrgan], of document: StorableDocument, mapped: MappedMetadata
  ) async throws(RPCError) -> [UnitOrgan] {
    var receivers: [UnitOrgan] = []
    if requested.isEmpty {
      for (index, recipient) in document.metadata.recipients.enumerated() {
        let field = mapped.protoPath("metadata.recipients[\(index)].organId")
        guard let unit = try await guarded("Send", { try await units.unit(forOrgan: recipient.organId) }) else {
          throw FieldError.notFound(
            field,
            "\(recipient.organId) is not a unit of the registry; name the receivers in `receivers` to leave it out, and export an edXML envelope for it").rpcError
        }
        receivers.append(unit)
      }
      return receivers
    }
    let recipients = Set(document.metadata.recipients.map(\.organId))
    var seen: [String: Int] = [:]
    for (index, receiver) in requested.enumerated() {
      let field = "receivers[\(index)].organ_id"
      let organId = receiver.organId.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !organId.isEmpty else { throw FieldError.invalid(field, "required").rpcError }
      guard recipients.contains(organId) else {
        throw FieldError.invalid(field, "\(organId) is not among metadata.recipients; add it to the document's nơi nhận first").rpcError
      }
      if let earlier = seen[organId] {
        throw FieldError.invalid(field, "\(organId) is already receivers[\(earlier)]").rpcError
      }
      seen[organId] = index
      guard let unit = try await guarded("Send", { try await units.unit(forOrgan: organId) }) else {
        throw FieldError.notFound(field, "\(organId) is not a unit of the registry").rpcError
      }
      receivers.append(unit)
    }
    return receivers
  }

  private static func checkLimits(_ request: ExchangeSendRequest) throws(RPCError) {
    try ExchangeLimits.checkKey(request.idempotencyKey, field: "idempotency_key")
    try ExchangeLimits.checkCount(request.receivers.count, field: "receivers", max: ExchangeLimits.maxEntries)
    try ExchangeLimits.checkCount(request.attachmentIds.count, field: "attachment_ids", max: ExchangeLimits.maxAttachments)
    try ExchangeLimits.checkLength(
      request.confirmDuplicateReason, field: "confirm_duplicate_reason", max: ExchangeLimits.maxTextLength)
    if let metadata = request.metadata { try checkLimits(metadata) }
  }

  /// The metadata's sizes, before the domain reads it.
  static func checkLimits(_ metadata: ExchangeDocumentMetadata) throws(RPCError) {
    let line = ExchangeLimits.maxLineLength
    try ExchangeLimits.checkLength(metadata.documentId, field: "metadata.document_id", max: ExchangeLimits.maxDocumentIdLength)
    try ExchangeLimits.checkLength(metadata.organId, field: "metadata.organ_id", max: ExchangeLimits.maxKeyLength)
    try ExchangeLimits.checkLength(metadata.issuingOrganName, field: "metadata.issuing_organ_name", max: line)
    try ExchangeLimits.checkLength(metadata.codeNumber, field: "metadata.code_number", max: ExchangeLimits.maxKeyLength)
    try ExchangeLimits.checkLength(metadata.codeNotation, field: "metadata.code_notation", max: ExchangeLimits.maxKeyLength)
    try ExchangeLimits.checkLength(metadata.place, field: "metadata.place", max: line)
    try ExchangeLimits.checkLength(metadata.documentType?.name ?? "", field: "metadata.document_type.name", max: line)
    // The domain counts the subject's characters; this only spares it a megabyte of them.
    let subjectLength = metadata.subject.unicodeScalars.count
    guard subjectLength <= 4 * DocumentMetadata.maxSubjectLength else {
      throw FieldError.invalid(
        "metadata.subject", "\(subjectLength) characters; at most \(DocumentMetadata.maxSubjectLength) are allowed").rpcError
    }
    try ExchangeLimits.checkLength(metadata.signer?.competence ?? "", field: "metadata.signer.competence", max: line)
    try ExchangeLimits.checkLength(metadata.signer?.position ?? "", field: "metadata.signer.position", max: line)
    try ExchangeLimits.checkLength(metadata.signer?.fullName ?? "", field: "metadata.signer.full_name", max: line)
    guard (0...ExchangeLimits.maxPageCount).contains(metadata.pageCount) else {
      throw FieldError.invalid(
        "metadata.page_count", "\(metadata.pageCount) is outside 0…\(ExchangeLimits.maxPageCount) (0: not known)").rpcError
    }
    try ExchangeLimits.checkCount(metadata.recipients.count, field: "metadata.recipients", max: ExchangeLimits.maxEntries)
    for (index, recipient) in metadata.recipients.enumerated() {
      try ExchangeLimits.checkLength(recipient.organId, field: "metadata.recipients[\(index)].organ_id", max: ExchangeLimits.maxKeyLength)
      try ExchangeLimits.checkLength(recipient.name, field: "metadata.recipients[\(index)].name", max: line)
    }
    try ExchangeLimits.checkCount(metadata.inReplyTo.count, field: "metadata.in_reply_to", max: ExchangeLimits.maxInReplyTo)
    for (index, answered) in metadata.inReplyTo.enumerated() {
      try ExchangeLimits.checkLength(answered, field: "metadata.in_reply_to[\(index)]", max: ExchangeLimits.maxDocumentIdLength)
    }
  }
}
