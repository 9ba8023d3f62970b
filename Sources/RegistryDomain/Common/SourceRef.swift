import ReformKit

/// A reference to an authority's document that a rule, a target or a decision rests on
/// (căn cứ), as `SourceRef` in `common.proto`: e.g. document "01-NQ/ĐUK", article
/// "Mục II.2.2 (3)", issued 2020-12-31.
public struct SourceRef: Sendable, Hashable, Codable {
  /// The document's number and notation, e.g. "42/2022/NĐ-CP".
  public var document: String
  /// The article or section, e.g. "Điều 11"; empty for the whole document.
  public var article: String
  /// The date the document was issued, when known.
  public var issued: CivilDate?
  /// Free text.
  public var note: String

  /// Makes a reference.
  public init(document: String, article: String = "", issued: CivilDate? = nil, note: String = "") {
    self.document = document
    self.article = article
    self.issued = issued
    self.note = note
  }

  private enum CodingKeys: String, CodingKey { case document, article, issued, note }

  /// Decodes, with `article` and `note` optional.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    document = try container.decode(String.self, forKey: .document)
    article = try container.decodeIfPresent(String.self, forKey: .article) ?? ""
    issued = try container.decodeIfPresent(CivilDate.self, forKey: .issued)
    note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
  }

  /// Encodes, leaving out empty optional fields.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(document, forKey: .document)
    if !article.isEmpty { try container.encode(article, forKey: .article) }
    try container.encodeIfPresent(issued, forKey: .issued)
    if !note.isEmpty { try container.encode(note, forKey: .note) }
  }
}
