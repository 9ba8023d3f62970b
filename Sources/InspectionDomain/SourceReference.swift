import ReformKit

/// The legal or administrative source of a rule or a notice (căn cứ): a document, optionally
/// its article and date, and a note.
public struct SourceReference: Sendable, Hashable {
  /// The document, e.g. `Bộ luật Lao động 2019`.
  public var document: String
  /// The article or clause, e.g. `Điều 112`; empty when the whole document is meant.
  public var article: String
  /// When the document was issued, if known.
  public var issued: CivilDate?
  /// Anything a reader should know, e.g. that a value is unconfirmed.
  public var note: String

  /// A source.
  public init(document: String, article: String = "", issued: CivilDate? = nil, note: String = "") {
    self.document = document
    self.article = article
    self.issued = issued
    self.note = note
  }
}
