import ReformKit

/// Where a calendar day's kind comes from.
public enum DaySource: Sendable, Hashable {
  /// Computed from ``HolidayRules``: weekday, solar and lunar holidays, compensating days.
  case computed
  /// Set by the year's ``CalendarNotice``, overriding the computed kind.
  case notice
}
