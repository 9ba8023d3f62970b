import ReformKit

/// Why a person's record was refused: the field at fault (in `person.proto`'s spelling, e.g.
/// `"party_membership.official"`, `"studies[2].studied"`) and what to do.
public struct PersonError: DomainFailure, Hashable {
  /// The class of the error, for the gRPC status.
  public var kind: DomainErrorKind
  /// The field at fault, e.g. `"parent_code"`.
  public var field: String
  /// What is wrong and how to put it right.
  public var message: String

  /// Makes an error.
  public init(kind: DomainErrorKind, field: String, message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  static func invalid(_ field: String, _ message: String) -> PersonError {
    PersonError(kind: .invalidArgument, field: field, message: message)
  }
}
