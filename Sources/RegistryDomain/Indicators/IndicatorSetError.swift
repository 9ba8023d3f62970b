import ReformKit

/// Why an indicator set was refused: the field at fault as a path into the set (e.g.
/// `"indicators[3].target.percent"`) and what to do.
public struct IndicatorSetError: DomainFailure, Hashable {
  /// The class of the error, for the gRPC status.
  public var kind: DomainErrorKind
  /// The field at fault, e.g. `"parent_code"`.
  public var field: String
  /// What is wrong and how to put it right.
  public var message: String

  /// Makes an error.
  public init(kind: DomainErrorKind = .invalidArgument, field: String, message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }
}
