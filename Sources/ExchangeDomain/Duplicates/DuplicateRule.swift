/// The rule by which an earlier document makes a new one a duplicate (DOMAIN.md, Document
/// exchange). Raw values are the `ExchangeDuplicateRule` values of the protocol.
public enum DuplicateRule: Int, Sendable, Hashable, CaseIterable {
  /// The same DocumentId: same issuer, date of issue, number and notation.
  case sameDocumentId = 1
  /// The same number, notation and issuing organ in the same year of issue (see
  /// ``DuplicateKey`` for how number and notation are compared).
  case sameNumberNotationIssuer = 2
}
