/// A sender's confirmation that a document flagged as a duplicate is meant, to be recorded with
/// the document (who and when are the store's to add).
public struct DuplicateConfirmation: Sendable, Hashable {
  /// The reason the sender gave, trimmed and in NFC.
  public var reason: String
  /// The earlier documents it duplicates.
  public var duplicateOf: [DocumentId]

  /// A confirmation of a duplicate of `duplicateOf` for `reason`.
  public init(reason: String, duplicateOf: [DocumentId]) {
    self.reason = reason
    self.duplicateOf = duplicateOf
  }
}
