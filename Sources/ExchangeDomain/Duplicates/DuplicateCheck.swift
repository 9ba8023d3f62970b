/// The duplicate warning of the exchange as pure functions: which earlier documents a new one
/// duplicates (``matches(of:among:)``), and whether the sender's confirmation lets it through
/// (``admit(_:reason:)``).
public enum DuplicateCheck {
  /// The earlier documents among `existing` that `document` duplicates, in the order given,
  /// each once, with the strongest rule that matched.
  public static func matches(of document: DocumentId, among existing: some Sequence<DocumentId>)
    -> [DuplicateMatch]
  {
    let key = DuplicateKey(document)
    var seen: Set<DocumentId> = []
    var found: [DuplicateMatch] = []
    for earlier in existing where seen.insert(earlier).inserted {
      if earlier == document {
        found.append(DuplicateMatch(documentId: earlier, rule: .sameDocumentId))
      } else if DuplicateKey(earlier) == key {
        found.append(DuplicateMatch(documentId: earlier, rule: .sameNumberNotationIssuer))
      }
    }
    return found
  }

  /// Lets a document with `matches` through when the sender confirmed it with a non-blank
  /// `reason`, returning the confirmation to record; nil when there is no duplicate.
  ///
  /// Throws `alreadyExists` when there are matches and `reason` is blank.
  public static func admit(_ matches: [DuplicateMatch], reason: String) throws(DuplicateError)
    -> DuplicateConfirmation?
  {
    guard !matches.isEmpty else { return nil }
    let reason = reason.normalizedText
    guard !reason.isEmpty else { throw DuplicateError(matches: matches) }
    return DuplicateConfirmation(reason: reason, duplicateOf: matches.map(\.documentId))
  }
}
