/// Why one of a domain's rules refused its input: the class of failure, the field at fault (a
/// property path such as `visitsDue[3].window`, or the `.proto`'s spelling such as
/// `"parent_code"`) and what to do about it.
///
/// `Rule` is the type whose rules refused, so that each throws an error of its own (RegistryDomain's
/// `UnitTreeError = RuleError<UnitTree>`, InspectionDomain's `PlanningError = RuleError<Planner>`,
/// ``PageRefusal`` = `RuleError<PageCursor>`…) and a caller's `catch` says which it expects.
public struct RuleError<Rule>: DomainFailure, Hashable {
  /// The class of the error, which decides the status.
  public var kind: DomainErrorKind
  /// The field at fault, or empty when the failure concerns the whole input.
  public var field: String
  /// What is wrong and how to put it right.
  public var message: String

  /// A failure of `kind` on `field`.
  public init(_ kind: DomainErrorKind = .invalidArgument, field: String, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  /// A missing or malformed field.
  public static func invalid(_ field: String, _ message: String) -> RuleError {
    RuleError(.invalidArgument, field: field, message)
  }
}
