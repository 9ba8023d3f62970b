import ExchangeDomain
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

/// Metadata as the domain takes it, with what is needed to name the caller's fields again.
struct MappedMetadata: Sendable {
  var metadata: DocumentMetadata
  /// Where each of the caller's `recipients` went.
  var slots: [RecipientSlot]

  /// A domain field path in the caller's terms (`metadata.recipients[3].organ_id`).
  func protoPath(_ domainField: String) -> String {
    RecipientSlot.protoPath(domainField, slots: slots)
  }
}

extension ExchangeDocumentMetadata {
  /// The domain's refusal when the document is marked Mật, Tối mật or Tuyệt mật; nil otherwise,
  /// and nil for a level the schema does not know (the mapping refuses that as invalid).
  ///
  /// It depends on the level alone, so it is asked before anything else of the request is read.
  func secretRefusal() -> DocumentError? {
    guard let level = Confidentiality(rawValue: Int(confidentiality.rawValue)), level.isStateSecret else {
      return nil
    }
    let placeholderDay = CivilDate(year: 2000, month: 1, day: 1)
    guard let placeholderDay else { return nil }
    let levelOnly = DocumentMetadata(
      organId: organId, issuingOrganName: issuingOrganName, codeNumber: codeNumber, codeNotation: codeNotation,
      issuedDate: placeholderDay, documentType: DocumentType(name: ""), subject: "",
      signer: Signer(position: "", fullName: ""), recipients: [], confidentiality: level)
    return levelOnly.secretRefusal()
  }

  /// The domain's metadata, not yet validated: what cannot even be put in the domain's types
  /// (a missing or impossible date, an unknown enum value, a confidentiality left
  /// UNSPECIFIED) is INVALID_ARGUMENT here.
  func domain() throws(RPCError) -> MappedMetadata {
    guard let issuedDate else { throw FieldError.invalid("metadata.issued_date", "required").rpcError }
    let issued = try issuedDate.civil(field: "metadata.issued_date")
    let due = try dueDate.map { date throws(RPCError) in try date.civil(field: "metadata.due_date") }
    let urgencyLevel: Urgency
    if urgency == .unspecified {
      urgencyLevel = .normal
    } else if let known = Urgency(rawValue: Int(urgency.rawValue)) {
      urgencyLevel = known
    } else {
      throw FieldError.invalid("metadata.urgency", "\(urgency.rawValue) is not an urgency: use 1 (thường) to 4 (hỏa tốc)").rpcError
    }
    // Fail closed: a document whose sender did not say how secret it is is not taken for a
    // normal one. The zero value is what a client that forgot the field sends.
    guard confidentiality != .unspecified else {
      throw FieldError.invalid(
        "metadata.confidentiality", "required: say the document's độ mật; 1 (thường) is the only level the exchange carries").rpcError
    }
    guard let confidentialityLevel = Confidentiality(rawValue: Int(confidentiality.rawValue)) else {
      throw FieldError.invalid(
        "metadata.confidentiality", "\(confidentiality.rawValue) is not a confidentiality level: use 1 (thường)").rpcError
    }
    var addressed: [Organ] = []
    var printedOnly: [String] = []
    var slots: [RecipientSlot] = []
    for recipient in recipients {
      if recipient.organId.isEmpty {
        slots.append(.unaddressed(printedOnly.count))
        printedOnly.append(recipient.name)
      } else {
        slots.append(.addressed(addressed.count))
        addressed.append(Organ(organId: recipient.organId, name: recipient.name))
      }
    }
    let metadata = DocumentMetadata(
      documentId: documentId, organId: organId, issuingOrganName: issuingOrganName, codeNumber: codeNumber,
      codeNotation: codeNotation, place: place, issuedDate: issued,
      documentType: DocumentType(code: Int(documentType?.code ?? 0), name: documentType?.name ?? ""),
      subject: subject,
      signer: Signer(
        competence: signer?.competence ?? "", position: signer?.position ?? "", fullName: signer?.fullName ?? ""),
      recipients: addressed, unaddressedRecipients: printedOnly, pageCount: Int(pageCount), dueDate: due,
      urgency: urgencyLevel, confidentiality: confidentialityLevel, inReplyTo: inReplyTo)
    return MappedMetadata(metadata: metadata, slots: slots)
  }

  /// The protocol's form of an admitted document's metadata, recipients in the order `slots`
  /// gives (addressed organs first when it does not fit), each addressed organ with the unit
  /// code `unitCodes` knows for its OrganId.
  init(_ document: StorableDocument, slots: [RecipientSlot], unitCodes: [String: String]) {
    let metadata = document.metadata
    let order =
      slots.count == metadata.recipients.count + metadata.unaddressedRecipients.count
      ? slots
      : RecipientSlot.envelopeOrder(addressed: metadata.recipients.count, unaddressed: metadata.unaddressedRecipients.count)
    let recipients = order.compactMap { slot -> ExchangeOrgan? in
      switch slot {
      case .addressed(let index):
        guard metadata.recipients.indices.contains(index) else { return nil }
        let organ = metadata.recipients[index]
        return ExchangeOrgan(organId: organ.organId, name: organ.name, unitCode: unitCodes[organ.organId] ?? "")
      case .unaddressed(let index):
        guard metadata.unaddressedRecipients.indices.contains(index) else { return nil }
        return ExchangeOrgan(name: metadata.unaddressedRecipients[index])
      }
    }
    self.init(
      documentId: document.documentId.description, organId: metadata.organId,
      issuingOrganName: metadata.issuingOrganName, codeNumber: metadata.codeNumber,
      codeNotation: metadata.codeNotation, place: metadata.place, issuedDate: metadata.issuedDate.wire,
      documentType: ExchangeDocumentType(code: Int32(clamping: metadata.documentType.code), name: metadata.documentType.name),
      subject: metadata.subject,
      signer: ExchangeSigner(
        competence: metadata.signer.competence, position: metadata.signer.position,
        fullName: metadata.signer.fullName),
      recipients: recipients, pageCount: Int32(clamping: metadata.pageCount),
      dueDate: metadata.dueDate?.wire, urgency: ExchangeUrgency(rawValue: Int32(metadata.urgency.rawValue)),
      confidentiality: ExchangeConfidentiality(rawValue: Int32(metadata.confidentiality.rawValue)),
      inReplyTo: metadata.inReplyTo)
  }
}
