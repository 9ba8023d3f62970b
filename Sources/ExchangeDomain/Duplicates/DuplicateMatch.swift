/// An earlier document that a new one duplicates, and the rule that matched.
public struct DuplicateMatch: Sendable, Hashable {
  /// The earlier document.
  public var documentId: DocumentId
  /// The strongest rule that matched: ``DuplicateRule/sameDocumentId`` when both do.
  public var rule: DuplicateRule

  /// A match of `documentId` by `rule`.
  public init(documentId: DocumentId, rule: DuplicateRule) {
    self.documentId = documentId
    self.rule = rule
  }
}
