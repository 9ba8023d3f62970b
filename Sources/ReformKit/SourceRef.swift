/// A reference to an authority's document that a rule, a target, a notice or a decision rests
/// on (văn bản căn cứ), as `SourceRef` in `common.proto`: e.g. document "01-NQ/ĐUK", article
/// "Mục II.2.2 (3)", issued 2020-12-31.
///
/// In JSON, `article` and `note` may be left out. Unknown keys are ignored unless the decoder
/// asks for ``StrictKeys`` (a classification rule set does). `article` is always written and
/// `note` only when it says something, so that a rule set's canonical JSON, and its SHA-256,
/// stay as they are.
public struct SourceRef: Sendable, Hashable, Codable {
  /// The document's number and notation, e.g. "42/2022/NĐ-CP" or "Quy định 366-QĐ/TW".
  public var document: String
  /// The article or clause, e.g. "Điều 11, khoản 1"; empty when the whole document is meant.
  public var article: String
  /// The date the document was issued, when known.
  public var issued: CivilDate?
  /// Anything a reader should know, e.g. that a value is unconfirmed; empty when nothing.
  public var note: String

  /// Makes a reference.
  public init(document: String, article: String = "", issued: CivilDate? = nil, note: String = "") {
    self.document = document
    self.article = article
    self.issued = issued
    self.note = note
  }

  /// "Quy định 366-QĐ/TW, Điều 11, khoản 1", or the document alone.
  public var citation: String { article.isEmpty ? document : "\(document), \(article)" }

  private enum CodingKeys: String, CodingKey, CaseIterable { case document, article, issued, note }

  /// Decodes, with `article` and `note` optional.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.checkIfRequested(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    document = try container.decode(String.self, forKey: .document)
    article = try container.decodeIfPresent(String.self, forKey: .article) ?? ""
    issued = try container.decodeIfPresent(CivilDate.self, forKey: .issued)
    note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
  }

  /// Encodes `document` and `article`, and `issued` and `note` when set.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(document, forKey: .document)
    try container.encode(article, forKey: .article)
    try container.encodeIfPresent(issued, forKey: .issued)
    if !note.isEmpty { try container.encode(note, forKey: .note) }
  }
}
