/// A date on the Vietnamese lunar calendar (âm lịch), as ``LunarCalendar`` computes it.
///
/// The year is the solar year in which the lunar year begins: Tết of lunar year 2026 falls on
/// 17/2/2026, and 1/12 of lunar year 2025 falls in January 2026.
public struct LunarDate: Sendable, Hashable, CustomStringConvertible {
  /// The lunar year, numbered by the solar year in which it begins.
  public var year: Int
  /// The lunar month, 1–12 (tháng Giêng is 1, tháng Chạp is 12).
  public var month: Int
  /// The day of the lunar month, 1–30 (mùng 1 to 30).
  public var day: Int
  /// Whether the month is a leap month (tháng nhuận), repeating the month before it.
  public var isLeapMonth: Bool

  /// A lunar date; ``LunarCalendar/solarDate(of:)`` tells whether it exists.
  public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
    self.year = year
    self.month = month
    self.day = day
    self.isLeapMonth = isLeapMonth
  }

  /// As written in Vietnamese, e.g. `10/3/2026` or `1/4 nhuận/2020`.
  public var description: String {
    "\(day)/\(month)\(isLeapMonth ? " nhuận" : "")/\(year)"
  }
}
