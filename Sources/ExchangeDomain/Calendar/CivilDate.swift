/// A day of the Gregorian calendar (ngày), without time or time zone: an issue date, a due date,
/// the day a document arrived in Asia/Ho_Chi_Minh.
///
/// Instants are `Date` in UTC; a civil date is what a person reads on the document. Years run
/// 1 through 9999 so every date prints with four digits, as the DocumentId needs.
///
/// ## Topics
/// - ``init(year:month:day:)``, ``adding(days:)``, ``days(until:)``
/// - ``init(_:in:)`` — the day an instant falls on (`CivilDate+Instant.swift`)
/// - ``formatted(separator:)``, ``init(parsing:separator:)`` (`CivilDate+Text.swift`)
/// - ``weekday``, ``isWorkingDay``, ``nextWorkingDay()`` (`CivilDate+WorkingDays.swift`)
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, 1 through 9999.
  public let year: Int
  /// The month, 1 through 12.
  public let month: Int
  /// The day of the month, 1 through 28–31.
  public let day: Int

  /// The date, or nil when it does not exist (31 April, 29 February of a common year) or the
  /// year is outside 1…9999.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `dayNumber` days after 1970-01-01 (negative: before).
  init(dayNumber: Int) {
    // Howard Hinnant's civil-from-days: exact for the proleptic Gregorian calendar.
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
  }

  /// Days since 1970-01-01: the count that makes date arithmetic plain integer arithmetic.
  var dayNumber: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CivilDate {
    CivilDate(dayNumber: dayNumber + days)
  }

  /// Days from this date to `other`: positive when `other` is later.
  public func days(until other: CivilDate) -> Int {
    other.dayNumber - dayNumber
  }

  /// Earlier dates order first.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// ISO 8601, e.g. `2015-09-30`.
  public var description: String { formatted(separator: "-") }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }
}
