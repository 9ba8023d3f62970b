import ReformKit

/// A closed range of days, both ends included (từ ngày … đến ngày …).
public struct CivilDateRange: Sendable, Hashable, CustomStringConvertible {
  /// The first day of the range.
  public let first: CivilDate
  /// The last day of the range, never before ``first``.
  public let last: CivilDate

  /// The range from `first` through `last`, or `nil` when `last` comes before `first`.
  public init?(first: CivilDate, last: CivilDate) {
    guard first <= last else { return nil }
    self.first = first
    self.last = last
  }

  /// Whether `date` lies in the range.
  public func contains(_ date: CivilDate) -> Bool {
    first <= date && date <= last
  }

  /// Whether the two ranges share a day.
  public func overlaps(_ other: CivilDateRange) -> Bool {
    first <= other.last && other.first <= last
  }

  /// `2026-02-14–2026-02-22`, or one date for a single day.
  public var description: String {
    first == last ? first.description : "\(first)–\(last)"
  }
}
