import ReformKit

/// Why one of the inspection's rules refused its input: the status it maps to, the field at
/// fault (a property path such as `visitsDue[3].window`) and what to do about it.
///
/// `Rule` is the type whose rules refused, so that each throws an error of its own
/// (``CalendarError``, ``PlanningError``) and a caller's `catch` says which it expects.
public struct InspectionRuleError<Rule>: DomainFailure, Hashable {
  /// Which gRPC status the failure maps to.
  public var kind: DomainErrorKind
  /// The path of the field at fault, e.g. `teams[2].inspectors[0].inspectorID`.
  public var field: String
  /// What is wrong and how to put it right.
  public var message: String

  /// A failure of `kind` in `field`.
  public init(_ kind: DomainErrorKind, field: String, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  /// `field: message`.
  public var description: String { "\(field): \(message)" }
}

/// Why a ``WorkingCalendar`` could not be built: an unsupported year, or a ``CalendarNotice``
/// that does not fit the year it is applied to (e.g. `notice.days[3].date`).
public typealias CalendarError = InspectionRuleError<WorkingCalendar>

/// Why the ``Planner`` refused an input or a change: it names the field at fault, e.g.
/// `visitsDue[3].window`, and what to do about it.
public typealias PlanningError = InspectionRuleError<Planner>
