import ReformKit

/// A period in which no visit may take place (e.g. congress season, year-end reviews).
///
/// A visit is barred when one of its working days lies in the period; non-working days of the
/// period that a visit merely spans (a weekend inside it) do not count.
public struct Blackout: Sendable, Hashable {
  /// The days, both ends included.
  public var dates: CivilDateRange
  /// Why, e.g. `Tổng kết năm`.
  public var reason: String
  /// Only visits to these units are barred; empty for every unit.
  public var unitCodes: [String]

  /// A blackout period.
  public init(dates: CivilDateRange, reason: String = "", unitCodes: [String] = []) {
    self.dates = dates
    self.reason = reason
    self.unitCodes = unitCodes
  }
}
