/// A day on the proleptic Gregorian calendar (ngày dương lịch), with no time and no time zone:
/// the day as people in Vietnam name it.
///
/// Days are counted by their Julian Day Number, the count the lunar calendar's astronomy uses,
/// so adding days and converting to the lunar calendar need no `Calendar` or `TimeZone`.
///
/// ## Topics
/// - ``init(year:month:day:)``
/// - ``weekday``
/// - ``adding(days:)``
/// - ``days(to:)``
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, e.g. 2026.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, 1–31.
  public let day: Int

  /// The date, or `nil` when the month or day does not exist (31/4, 29/2 of a common year).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date of a Julian Day Number (the day that begins at noon UTC of that number).
  init(julianDay: Int) {
    // Fliegel and Van Flandern's inverse, valid for every Gregorian date with a positive number.
    let a = julianDay + 32044
    let b = (4 * a + 3) / 146097
    let c = a - b * 146097 / 4
    let d = (4 * c + 3) / 1461
    let e = c - 1461 * d / 4
    let m = (5 * e + 2) / 153
    day = e - (153 * m + 2) / 5 + 1
    month = m + 3 - 12 * (m / 10)
    year = b * 100 + d - 4800 + m / 10
  }

  /// The Julian Day Number of the date.
  var julianDay: Int {
    let a = (14 - month) / 12
    let y = year + 4800 - a
    let m = month + 12 * a - 3
    return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
  }

  /// The day of the week.
  public var weekday: Weekday {
    // Julian Day 0 was a Monday.
    Weekday(mondayBasedIndex: julianDay % 7)
  }

  /// Whether the day is a Saturday or a Sunday (ngày nghỉ hằng tuần).
  public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CivilDate {
    CivilDate(julianDay: julianDay + days)
  }

  /// The number of days from this date to `other`: positive when `other` is later.
  public func days(to other: CivilDate) -> Int {
    other.julianDay - julianDay
  }

  /// The first day of `year`.
  public static func firstDay(of year: Int) -> CivilDate {
    CivilDate(year: year, month: 1, day: 1)!
  }

  /// The last day of `year`.
  public static func lastDay(of year: Int) -> CivilDate {
    CivilDate(year: year, month: 12, day: 31)!
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether `year` has a 29 February.
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Whether `lhs` comes before `rhs`.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// ISO 8601, e.g. `2026-02-14`.
  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(m)-\(d)"
  }
}
