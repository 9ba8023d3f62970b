import ReformKit

/// A period an inspector is not available: leave, training, another duty.
public struct Unavailability: Sendable, Hashable {
  /// The days, both ends included.
  public var dates: CivilDateRange
  /// Why, e.g. `nghỉ phép`.
  public var reason: String

  /// A period of unavailability.
  public init(dates: CivilDateRange, reason: String = "") {
    self.dates = dates
    self.reason = reason
  }
}
