import ReformKit

extension ExchangeDocument {
  /// Every reason the document cannot be stored, in field order, after normalizing its text
  /// (NFC, trimmed); empty when it can. A secret document's refusal always comes first.
  ///
  /// `today` is the day of validation in Asia/Ho_Chi_Minh: a document cannot be issued after it.
  public func validationErrors(today: CivilDate) -> [DocumentError] {
    var check = DocumentCheck()
    normalized().collectErrors(into: &check, today: today)
    return check.errors
  }

  /// Throws the first of ``validationErrors(today:)``, if any.
  public func validate(today: CivilDate) throws(DocumentError) {
    if let first = validationErrors(today: today).first { throw first }
  }

  /// The document with every text in NFC and trimmed: the form it is validated and stored in.
  public func normalized() -> ExchangeDocument {
    var copy = self
    copy.metadata = metadata.normalized()
    copy.attachments = attachments.map { attachment in
      var attachment = attachment
      attachment.name = attachment.name.normalizedText
      attachment.mediaType = attachment.mediaType.normalizedText
      attachment.sha256 = attachment.sha256.normalizedText
      attachment.note = attachment.note.normalizedText
      return attachment
    }
    return copy
  }

  private func collectErrors(into check: inout DocumentCheck, today: CivilDate) {
    if let refusal = metadata.secretRefusal() { check.errors.append(refusal) }
    metadata.collectErrors(into: &check, today: today)
    for (index, attachment) in attachments.enumerated() {
      attachment.collectErrors(into: &check, prefix: "attachments[\(index)]")
    }
  }
}

/// The errors found so far, in the order the fields are checked.
struct DocumentCheck {
  var errors: [DocumentError] = []

  mutating func fail(_ field: String, _ message: String) {
    errors.append(.invalid(field, message))
  }

  /// A single-line text that must not be empty.
  mutating func requireLine(_ text: String, _ field: String) {
    if text.isEmpty {
      fail(field, "required")
    } else {
      forbidControlCharacters(text, field, multiline: false)
    }
  }

  mutating func forbidControlCharacters(_ text: String, _ field: String, multiline: Bool) {
    if text.hasForbiddenCharacter(multiline: multiline) {
      fail(field, multiline ? "contains a control character" : "contains a line break or control character")
    }
  }
}

extension DocumentMetadata {
  /// The metadata with every text in NFC and trimmed.
  func normalized() -> DocumentMetadata {
    var copy = self
    copy.documentId = documentId.normalizedText
    copy.organId = organId.normalizedText
    copy.issuingOrganName = issuingOrganName.normalizedText
    copy.codeNumber = codeNumber.normalizedText
    copy.codeNotation = codeNotation.normalizedText
    copy.place = place.normalizedText
    copy.documentType.name = documentType.name.normalizedText
    copy.subject = subject.normalizedText
    copy.signer = Signer(
      competence: signer.competence.normalizedText, position: signer.position.normalizedText,
      fullName: signer.fullName.normalizedText)
    copy.recipients = recipients.map { Organ(organId: $0.organId.normalizedText, name: $0.name.normalizedText) }
    copy.unaddressedRecipients = unaddressedRecipients.map(\.normalizedText)
    copy.inReplyTo = inReplyTo.map(\.normalizedText)
    return copy
  }

  /// The DocumentId computed from the issuer, date, number and notation; nil when one of them
  /// is invalid (validation names which).
  func computedDocumentId() -> DocumentId? {
    guard let organ = OrganId(organId) else { return nil }
    return try? DocumentId(
      organId: organ, issuedDate: issuedDate, codeNumber: codeNumber, codeNotation: codeNotation)
  }

  fileprivate func collectErrors(into check: inout DocumentCheck, today: CivilDate) {
    if let defect = OrganId.defect(in: organId) { check.fail("metadata.organId", defect) }
    check.requireLine(issuingOrganName, "metadata.issuingOrganName")
    if let defect = DocumentId.defect(inCodeNumber: codeNumber) { check.fail("metadata.codeNumber", defect) }
    if let defect = DocumentId.defect(inCodeNotation: codeNotation) {
      check.fail("metadata.codeNotation", defect)
    }
    if !documentId.isEmpty, let computed = computedDocumentId(), documentId != computed.description {
      check.fail(
        "metadata.documentId",
        "\"\(documentId)\" does not match the document's issuer, date, number and notation "
          + "(\(computed)); leave it empty to have it computed")
    }
    check.forbidControlCharacters(place, "metadata.place", multiline: false)
    if issuedDate > today {
      check.fail("metadata.issuedDate", "\(issuedDate) is after today (\(today))")
    }
    if documentType.code < 0 { check.fail("metadata.documentType.code", "must not be negative") }
    check.requireLine(documentType.name, "metadata.documentType.name")
    checkSubject(into: &check)
    if !Signer.competences.contains(signer.competence) {
      check.fail(
        "metadata.signer.competence",
        "\"\(signer.competence)\" is not a signing authority: use TM., KT., TL., TUQ. or leave it empty")
    }
    check.requireLine(signer.position, "metadata.signer.position")
    check.requireLine(signer.fullName, "metadata.signer.fullName")
    checkRecipients(into: &check)
    for (index, text) in unaddressedRecipients.enumerated() {
      check.requireLine(text, "metadata.unaddressedRecipients[\(index)]")
    }
    if pageCount < 0 { check.fail("metadata.pageCount", "must not be negative (0: not known)") }
    if let dueDate, dueDate < issuedDate {
      check.fail("metadata.dueDate", "\(dueDate) is before the date of issue (\(issuedDate))")
    }
    for (index, text) in inReplyTo.enumerated() {
      do throws(DocumentIdError) {
        _ = try DocumentId(parsing: text)
      } catch {
        check.fail("metadata.inReplyTo[\(index)]", "\(error.part.rawValue): \(error.message)")
      }
    }
  }

  private func checkSubject(into check: inout DocumentCheck) {
    if subject.isEmpty {
      check.fail("metadata.subject", "required")
    } else if subject.count > DocumentMetadata.maxSubjectLength {
      check.fail(
        "metadata.subject",
        "\(subject.count) characters; at most \(DocumentMetadata.maxSubjectLength) are allowed")
    } else {
      check.forbidControlCharacters(subject, "metadata.subject", multiline: true)
    }
  }

  private func checkRecipients(into check: inout DocumentCheck) {
    if recipients.isEmpty {
      check.fail("metadata.recipients", "at least one recipient with an OrganId is required")
    }
    var firstIndex: [String: Int] = [:]
    for (index, recipient) in recipients.enumerated() {
      let field = "metadata.recipients[\(index)]"
      if let defect = OrganId.defect(in: recipient.organId) {
        check.fail("\(field).organId", defect)
      } else if recipient.organId == organId {
        check.fail("\(field).organId", "\(recipient.organId) is the issuing organ itself")
      } else if let earlier = firstIndex[recipient.organId] {
        check.fail("\(field).organId", "\(recipient.organId) is already recipients[\(earlier)]")
      } else {
        firstIndex[recipient.organId] = index
      }
      check.requireLine(recipient.name, "\(field).name")
    }
  }
}

extension Attachment {
  fileprivate func collectErrors(into check: inout DocumentCheck, prefix: String) {
    check.requireLine(name, "\(prefix).name")
    if !Attachment.isMediaType(mediaType) {
      check.fail("\(prefix).mediaType", "\"\(mediaType)\" is not a media type such as application/pdf")
    }
    if !(1...Attachment.maxSizeBytes).contains(sizeBytes) {
      check.fail("\(prefix).sizeBytes", "\(sizeBytes) bytes; must be 1 to \(Attachment.maxSizeBytes) (50 MB)")
    }
    if !Attachment.isSHA256(sha256) {
      check.fail("\(prefix).sha256", "must be 64 lower-case hexadecimal characters")
    }
    check.forbidControlCharacters(note, "\(prefix).note", multiline: true)
  }

  /// `type/subtype` of RFC 6838 restricted names, without parameters.
  static func isMediaType(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { part in
        guard let first = part.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return part.count <= 127
          && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "!#$&^_.+-".contains($0)) }
      }
  }

  /// 64 characters of 0–9 and a–f.
  static func isSHA256(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }
}
