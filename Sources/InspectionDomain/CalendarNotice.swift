import ReformKit

/// The government's yearly notice of days off (thông báo nghỉ lễ, Tết), loaded as data: it
/// overrides the computed ``WorkingCalendar`` for exactly the days it lists.
///
/// ## Topics
/// - ``vietnam2026``
public struct CalendarNotice: Sendable, Hashable {
  /// The year the notice is for.
  public var year: Int
  /// The notice itself, e.g. its number and issuing ministry.
  public var source: SourceRef
  /// Only the days the notice sets; every other day stays as computed.
  public var days: [DayOverride]

  /// A notice for `year`.
  public init(year: Int, source: SourceRef, days: [DayOverride]) {
    self.year = year
    self.source = source
    self.days = days
  }
}
