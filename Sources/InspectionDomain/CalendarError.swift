import ReformKit

/// Why a ``WorkingCalendar`` could not be built: an unsupported year, or a ``CalendarNotice``
/// that does not fit the year it is applied to.
public struct CalendarError: DomainFailure, Hashable {
  /// Which gRPC status the failure maps to.
  public var kind: DomainErrorKind
  /// The path of the field at fault, e.g. `notice.days[3].date`.
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
