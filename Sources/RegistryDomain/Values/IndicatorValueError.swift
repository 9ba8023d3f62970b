import ReformKit

/// Why a value was refused: the field at fault (`set_id`, `indicator_code`, `unit_code`,
/// `period`, `numerator`, `denominator`) and what to do. A locked period is refused with
/// ``DomainErrorKind/failedPrecondition`` and a message naming its current status.
public struct IndicatorValueError: DomainFailure, Hashable {
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
