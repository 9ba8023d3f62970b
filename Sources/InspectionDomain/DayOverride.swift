import ReformKit

/// One day as the government's yearly notice sets it (a line of ``CalendarNotice``).
public struct DayOverride: Sendable, Hashable {
  /// The day.
  public var date: CivilDate
  /// The kind the notice gives the day: ``DayKind/holiday``, ``DayKind/compensatingDayOff``,
  /// ``DayKind/swappedDayOff``, ``DayKind/swappedWorkingSaturday`` (a weekend day worked), or
  /// ``DayKind/working`` to cancel a computed day off on a weekday.
  public var kind: DayKind
  /// The name shown for the day, e.g. `Tết Nguyên đán`; empty to keep the computed name.
  public var name: String
  /// A remark, e.g. what the day is swapped with.
  public var note: String

  /// A day of a notice.
  public init(date: CivilDate, kind: DayKind, name: String = "", note: String = "") {
    self.date = date
    self.kind = kind
    self.name = name
    self.note = note
  }
}
