import ReformKit

/// The texts collected from an envelope while it is parsed, and the document they make.
struct EdxmlValues {
  /// Leaves outside any group, by path.
  var leaves: [String: String] = [:]
  /// Each group's occurrences, by the group's path: its leaves by name.
  var groups: [String: [[String: String]]] = [:]
  /// Repeated leaves, by path.
  var lists: [String: [String]] = [:]
  /// Whether `AttachmentEncoded` was present.
  var includesContent = false
  /// Manifest indexes whose content arrived.
  var contentReceived: Set<Int> = []

  /// The manifest's attachments, with the ContentId of each.
  func manifest() throws(EdxmlError) -> [(contentId: String, attachment: Attachment)] {
    typealias N = EdxmlNames
    var seen: Set<String> = []
    var result: [(contentId: String, attachment: Attachment)] = []
    for (index, reference) in (groups[EdxmlShape.reference] ?? []).enumerated() {
      func required(_ leaf: String) throws(EdxmlError) -> String {
        guard let text = reference[leaf] else {
          throw EdxmlError(field: EdxmlShape.element(EdxmlShape.reference, index: index, leaf: leaf), "missing")
        }
        return text
      }
      let contentId = try required(N.contentId)
      guard seen.insert(contentId).inserted else {
        throw EdxmlError(
          field: EdxmlShape.element(EdxmlShape.reference, index: index, leaf: N.contentId),
          "\"\(contentId)\" appears twice in the manifest")
      }
      let sizeText = try required(N.size)
      guard let size = Int64(sizeText.normalizedText) else {
        throw EdxmlError(
          field: EdxmlShape.element(EdxmlShape.reference, index: index, leaf: N.size),
          "\"\(sizeText)\" is not a number of bytes")
      }
      let attachment = Attachment(
        name: try required(N.attachmentName), mediaType: try required(N.contentType), sizeBytes: size,
        sha256: try required(N.sha256), note: reference[N.description] ?? "")
      result.append((contentId, attachment))
    }
    return result
  }

  /// The document, after checking that every required element is there and well formed.
  func assemble() throws(EdxmlError) -> EdxmlImport {
    typealias N = EdxmlNames
    typealias S = EdxmlShape
    let recipients = try organs(S.to)
    guard !recipients.isEmpty else { throw EdxmlError(field: S.element(S.to), "at least one To is required") }
    let issuedPath = "\(S.promulgation)/\(N.promulgationDate)"
    guard let issued = try date(issuedPath) else { throw EdxmlError(field: S.element(issuedPath), "missing") }
    let metadata = DocumentMetadata(
      documentId: try leaf("\(S.header)/\(N.documentId)"),
      organId: try leaf("\(S.from)/\(N.organId)"),
      issuingOrganName: try leaf("\(S.from)/\(N.organName)"),
      codeNumber: try leaf("\(S.code)/\(N.codeNumber)"),
      codeNotation: try leaf("\(S.code)/\(N.codeNotation)"),
      place: leaves["\(S.promulgation)/\(N.place)"] ?? "",
      issuedDate: issued,
      documentType: DocumentType(
        code: try integer("\(S.documentType)/\(N.type)") ?? 0, name: try leaf("\(S.documentType)/\(N.typeName)")),
      subject: try leaf("\(S.header)/\(N.subject)"),
      signer: Signer(
        competence: leaves["\(S.signer)/\(N.competence)"] ?? "", position: try leaf("\(S.signer)/\(N.position)"),
        fullName: try leaf("\(S.signer)/\(N.fullName)")),
      recipients: recipients,
      unaddressedRecipients: lists["\(S.toPlaces)/\(N.place)"] ?? [],
      pageCount: try integer("\(S.otherInfo)/\(N.pageAmount)") ?? 0,
      dueDate: try date("\(S.header)/\(N.dueDate)"),
      urgency: try urgency(),
      confidentiality: .normal,
      inReplyTo: try answered())
    let manifest = try manifest()
    try checkContent(manifest.count)
    return EdxmlImport(
      document: ExchangeDocument(metadata: metadata, attachments: manifest.map(\.attachment)),
      includesContent: includesContent)
  }

  private func leaf(_ path: String) throws(EdxmlError) -> String {
    guard let text = leaves[path] else { throw EdxmlError(field: EdxmlShape.element(path), "missing") }
    return text
  }

  private func integer(_ path: String) throws(EdxmlError) -> Int? {
    guard let text = leaves[path] else { return nil }
    guard let value = Int(text.normalizedText) else {
      throw EdxmlError(field: EdxmlShape.element(path), "\"\(text)\" is not a whole number")
    }
    return value
  }

  /// The date at `path`; nil when the element is absent.
  private func date(_ path: String) throws(EdxmlError) -> CivilDate? {
    guard let text = leaves[path] else { return nil }
    guard let date = CivilDate(parsing: text.normalizedText, separator: "-") else {
      throw EdxmlError(field: EdxmlShape.element(path), "\"\(text)\" is not a date written yyyy-mm-dd")
    }
    return date
  }

  private func urgency() throws(EdxmlError) -> Urgency {
    let path = "\(EdxmlShape.otherInfo)/\(EdxmlNames.priority)"
    guard let code = try integer(path) else { return .normal }
    guard let urgency = Urgency(edxmlPriority: code) else {
      throw EdxmlError(field: EdxmlShape.element(path), "\(code) is not a priority: use 0 to 4")
    }
    return urgency
  }

  private func organs(_ group: String) throws(EdxmlError) -> [Organ] {
    var organs: [Organ] = []
    for (index, fields) in (groups[group] ?? []).enumerated() {
      guard let organId = fields[EdxmlNames.organId] else {
        throw EdxmlError(field: EdxmlShape.element(group, index: index, leaf: EdxmlNames.organId), "missing")
      }
      guard let name = fields[EdxmlNames.organName] else {
        throw EdxmlError(field: EdxmlShape.element(group, index: index, leaf: EdxmlNames.organName), "missing")
      }
      organs.append(Organ(organId: organId, name: name))
    }
    return organs
  }

  private func answered() throws(EdxmlError) -> [String] {
    var answered: [String] = []
    for (index, fields) in (groups[EdxmlShape.responseFor] ?? []).enumerated() {
      guard let documentId = fields[EdxmlNames.documentId] else {
        throw EdxmlError(
          field: EdxmlShape.element(EdxmlShape.responseFor, index: index, leaf: EdxmlNames.documentId), "missing")
      }
      answered.append(documentId)
    }
    return answered
  }

  /// With `AttachmentEncoded`, every attachment of the manifest needs its content.
  private func checkContent(_ attachmentCount: Int) throws(EdxmlError) {
    guard includesContent else { return }
    for (index, attachment) in (groups[EdxmlShape.attachment] ?? []).enumerated()
    where attachment[EdxmlNames.contentId] == nil {
      throw EdxmlError(
        field: EdxmlShape.element(EdxmlShape.attachment, index: index, leaf: EdxmlNames.contentId), "missing")
    }
    if let missing = (0..<attachmentCount).first(where: { !contentReceived.contains($0) }) {
      throw EdxmlError(
        field: EdxmlShape.element(EdxmlShape.encoded),
        "no content for \(EdxmlShape.element(EdxmlShape.reference, index: missing))")
    }
  }
}
