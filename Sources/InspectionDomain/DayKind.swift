import ReformKit

/// What kind of day a calendar day is, as ``WorkingCalendar`` computes it or a
/// ``CalendarNotice`` sets it.
public enum DayKind: Sendable, Hashable, CaseIterable {
  /// Ngày làm việc: Monday to Friday, not a holiday.
  case working
  /// Saturday or Sunday (nghỉ hằng tuần).
  case weekend
  /// Ngày nghỉ lễ, Tết (Bộ luật Lao động 2019, Điều 112), also when it falls on a weekend.
  case holiday
  /// Ngày nghỉ bù: a weekday off because a holiday fell on a weekend (Điều 112, khoản 3).
  case compensatingDayOff
  /// Ngày nghỉ hoán đổi: a weekday off in exchange for a swapped working Saturday.
  case swappedDayOff
  /// Ngày làm bù: a Saturday worked in exchange for a swapped day off.
  case swappedWorkingSaturday

  /// Whether visits may take place on the day: ``working`` and ``swappedWorkingSaturday``.
  public var isWorking: Bool {
    self == .working || self == .swappedWorkingSaturday
  }
}
