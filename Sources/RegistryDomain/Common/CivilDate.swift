/// A calendar date with no time of day and no time zone (ngày), as `CalendarDate` in
/// `common.proto`.
///
/// Civil dates are what regulations and decisions speak in: a unit opened on 1/1/2021, a
/// period ends on 31/12/2024. Instants are `Date` values in UTC and never mix with these.
public struct CivilDate: Sendable, Hashable, Comparable, Codable {
  /// The year, e.g. 2024.
  public var year: Int
  /// The month, 1–12.
  public var month: Int
  /// The day of the month, 1–31.
  public var day: Int

  /// Makes a date; check it with ``isValid`` or build it with ``init(validating:month:day:)``.
  public init(_ year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Makes a date, or `nil` when no such day exists (e.g. 30 February).
  public init?(validating year: Int, month: Int, day: Int) {
    self.init(year, month, day)
    guard isValid else { return nil }
  }

  /// The years a date of the registry may name: the oldest member's birth to well past any
  /// term the bloc will plan. Outside them a date is refused wherever it enters (wire, CSV), so
  /// that no year-sized arithmetic meets a hostile number.
  public static let supportedYears = 1900...2200

  /// Whether the date exists in the proleptic Gregorian calendar within ``supportedYears``.
  public var isValid: Bool {
    CivilDate.supportedYears.contains(year) && (1...12).contains(month)
      && (1...CivilDate.daysIn(month: month, year: year)).contains(day)
  }

  /// Days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whether a year is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The last day of a year's month.
  public static func endOf(month: Int, year: Int) -> CivilDate {
    CivilDate(year, month, daysIn(month: month, year: year))
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
