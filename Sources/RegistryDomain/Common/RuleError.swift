import ReformKit

// The registry's rules refuse with ReformKit's `RuleError`, one type for each kind of rule, so
// that a caller's `catch` says which it expects. Fields are named in the `.proto`'s spelling
// (e.g. `"parent_code"`, `"indicators[3].target.percent"`).

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
    UnitTreeError(.failedPrecondition, field: field, message)
  }

  /// A unit the field names does not exist.
  static func notFound(_ field: String, code: String) -> UnitTreeError {
    UnitTreeError(.notFound, field: field, "unit \"\(code)\" does not exist")
  }
}
