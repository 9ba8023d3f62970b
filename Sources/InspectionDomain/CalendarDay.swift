import ReformKit

/// One day of a ``WorkingCalendar``.
public struct CalendarDay: Sendable, Hashable {
  /// The day.
  public var date: CivilDate
  /// What kind of day it is.
  public var kind: DayKind
  /// The holiday's or the notice's name in Vietnamese, e.g. `Tết Nguyên đán`,
  /// `Nghỉ bù Giỗ Tổ Hùng Vương`; empty for ordinary working days and weekends.
  public var name: String
  /// The same day on the Vietnamese lunar calendar.
  public var lunar: LunarDate
  /// Whether the kind was computed or set by the notice.
  public var source: DaySource

  /// A day of the calendar.
  public init(date: CivilDate, kind: DayKind, name: String, lunar: LunarDate, source: DaySource) {
    self.date = date
    self.kind = kind
    self.name = name
    self.lunar = lunar
    self.source = source
  }

  /// Whether visits may take place on the day.
  public var isWorking: Bool { kind.isWorking }
}
