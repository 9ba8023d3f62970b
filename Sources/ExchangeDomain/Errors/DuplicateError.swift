import ReformKit

/// A document that duplicates earlier ones and was not confirmed: `alreadyExists`, naming the
/// field that would let it through.
public struct DuplicateError: DomainFailure, Equatable {
  /// The earlier documents it duplicates, with the rule each matched by.
  public var matches: [DuplicateMatch]

  /// The refusal for `matches`.
  public init(matches: [DuplicateMatch]) {
    self.matches = matches
  }

  /// Always `alreadyExists`.
  public var kind: DomainErrorKind { .alreadyExists }
  /// The request field that confirms a duplicate.
  public var field: String { "confirmDuplicateReason" }
  /// The earlier documents and what to do.
  public var message: String {
    let list = matches.map { match in
      switch match.rule {
      case .sameDocumentId: "\(match.documentId) (same DocumentId)"
      case .sameNumberNotationIssuer:
        "\(match.documentId) (same number, notation and issuer in \(match.documentId.issuedDate.year))"
      }
    }
    return "the document duplicates \(list.joined(separator: "; ")); "
      + "give a reason to send it anyway"
  }
}
