import ReformKit

/// The document a rule or a decision rests on (văn bản căn cứ): its number, the article and
/// clause, and when it was issued.
public struct SourceRef: Sendable, Hashable, Codable {
  /// The document, e.g. "Quy định 366-QĐ/TW".
  public var document: String
  /// The article and clause, e.g. "Điều 11, khoản 1"; empty when the whole document is meant.
  public var article: String
  /// The date the document was issued, when known.
  public var issued: CivilDate?
  /// Anything a reader should know about the reference, e.g. that the clause number is to be
  /// checked against the published text.
  public var note: String?

  /// A reference to `article` of `document`.
  public init(document: String, article: String = "", issued: CivilDate? = nil, note: String? = nil) {
    self.document = document
    self.article = article
    self.issued = issued
    self.note = note
  }

  private enum CodingKeys: String, CodingKey, CaseIterable { case document, article, issued, note }

  /// Reads a reference; `article` defaults to empty, unknown keys are refused.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    document = try container.decode(String.self, forKey: .document)
    article = try container.decodeIfPresent(String.self, forKey: .article) ?? ""
    issued = try container.decodeIfPresent(CivilDate.self, forKey: .issued)
    note = try container.decodeIfPresent(String.self, forKey: .note)
  }

  /// "Quy định 366-QĐ/TW, Điều 11, khoản 1", or the document alone.
  public var citation: String { article.isEmpty ? document : "\(document), \(article)" }
}
