import ReformKit

/// Why one of the registry's rules refused its input: the field at fault (in the `.proto`'s
/// spelling, e.g. `"parent_code"`, `"indicators[3].target.percent"`) and what to do.
///
/// `Rule` is the type whose rules refused, so that each throws an error of its own
/// (``UnitTreeError``, ``PersonError``, ``IndicatorSetError``, ``IndicatorValueError``) and a
/// caller's `catch` says which it expects.
public struct RuleError<Rule>: DomainFailure, Hashable {
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

  /// A malformed field.
  static func invalid(_ field: String, _ message: String) -> RuleError {
    RuleError(kind: .invalidArgument, field: field, message: message)
  }
}

/// Why the unit tree refused a unit or a change.
public typealias UnitTreeError = RuleError<UnitTree>

/// Why a person's record was refused: the field at fault (in `person.proto`'s spelling, e.g.
/// `"party_membership.official"`, `"studies[2].studied"`) and what to do.
public typealias PersonError = RuleError<Person>

/// Why an indicator set was refused: the field at fault as a path into the set (e.g.
/// `"indicators[3].target.percent"`) and what to do.
public typealias IndicatorSetError = RuleError<IndicatorSet>

/// Why a value was refused: the field at fault (`set_id`, `indicator_code`, `unit_code`,
/// `period`, `numerator`, `denominator`) and what to do. A locked period is refused with
/// ``DomainErrorKind/failedPrecondition`` and a message naming its current status.
public typealias IndicatorValueError = RuleError<IndicatorValue>

extension RuleError where Rule == UnitTree {
  /// A field that is well formed but that the tree's state refuses.
  static func precondition(_ field: String, _ message: String) -> UnitTreeError {
    UnitTreeError(kind: .failedPrecondition, field: field, message: message)
  }

  /// A unit the field names does not exist.
  static func notFound(_ field: String, code: String) -> UnitTreeError {
    UnitTreeError(kind: .notFound, field: field, message: "unit \"\(code)\" does not exist")
  }
}
