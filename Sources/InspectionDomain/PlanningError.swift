import ReformKit

/// Why the ``Planner`` refused an input or a change: it names the field at fault, e.g.
/// `visitsDue[3].window`, and what to do about it.
public struct PlanningError: DomainFailure, Hashable {
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
