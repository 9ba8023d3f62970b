/// Every element ``EdxmlReader`` knows, by its path below `edXMLEnvelope`, and what it is.
enum EdxmlShape {
  enum Kind {
    /// Holds other elements; appears at most once.
    case container
    /// Holds text; appears at most once (per group).
    case leaf
    /// Holds other elements; repeats (`To`, `ResponseFor`, `Reference`, `Attachment`).
    case group
    /// Holds text; repeats (`ToPlaces/Place`).
    case repeatedLeaf
    /// Holds an attachment's base64 content, streamed rather than collected.
    case content
  }

  static let header = "\(EdxmlNames.header)/\(EdxmlNames.messageHeader)"
  static let from = "\(header)/\(EdxmlNames.from)"
  static let to = "\(header)/\(EdxmlNames.to)"
  static let code = "\(header)/\(EdxmlNames.code)"
  static let promulgation = "\(header)/\(EdxmlNames.promulgationInfo)"
  static let documentType = "\(header)/\(EdxmlNames.documentType)"
  static let signer = "\(header)/\(EdxmlNames.signerInfo)"
  static let toPlaces = "\(header)/\(EdxmlNames.toPlaces)"
  static let responseFor = "\(header)/\(EdxmlNames.responseFor)"
  static let otherInfo = "\(header)/\(EdxmlNames.otherInfo)"
  static let manifest = "\(EdxmlNames.body)/\(EdxmlNames.manifest)"
  static let reference = "\(manifest)/\(EdxmlNames.reference)"
  static let encoded = "\(EdxmlNames.body)/\(EdxmlNames.attachmentEncoded)"
  static let attachment = "\(encoded)/\(EdxmlNames.attachment)"

  static let kinds: [String: Kind] = {
    typealias N = EdxmlNames
    var kinds: [String: Kind] = [
      N.header: .container, header: .container, N.body: .container, manifest: .container,
      encoded: .container,
      from: .container, code: .container, promulgation: .container, documentType: .container,
      signer: .container, toPlaces: .container, otherInfo: .container,
      to: .group, responseFor: .group, reference: .group, attachment: .group,
      "\(header)/\(N.subject)": .leaf, "\(header)/\(N.dueDate)": .leaf, "\(header)/\(N.documentId)": .leaf,
      "\(toPlaces)/\(N.place)": .repeatedLeaf,
      "\(attachment)/\(N.contentTransferEncoded)": .content,
    ]
    let leaves: [(String, [String])] = [
      (from, [N.organId, N.organName]), (to, [N.organId, N.organName]),
      (code, [N.codeNumber, N.codeNotation]), (promulgation, [N.place, N.promulgationDate]),
      (documentType, [N.type, N.typeName]), (signer, [N.competence, N.position, N.fullName]),
      (responseFor, [N.documentId]), (otherInfo, [N.priority, N.pageAmount]),
      (reference, [N.contentId, N.attachmentName, N.contentType, N.size, N.sha256, N.description]),
      (attachment, [N.contentId]),
    ]
    for (parent, names) in leaves {
      for name in names { kinds["\(parent)/\(name)"] = .leaf }
    }
    return kinds
  }()

  /// The path as an error names it: from the root, with a group's index, e.g.
  /// `edXMLEnvelope/edXMLHeader/MessageHeader/To[1]/OrganId`.
  static func element(_ path: String, index: Int? = nil, leaf: String? = nil) -> String {
    var text = "\(EdxmlNames.envelope)/\(path)"
    if let index { text += "[\(index)]" }
    if let leaf { text += "/\(leaf)" }
    return text
  }
}
