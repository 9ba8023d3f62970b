/// A day of the proleptic Gregorian calendar (ngày dương lịch), with no time of day and no time
/// zone: an issue date, a due date, the day a unit opened, as regulations and decisions are
/// dated and as `CalendarDate` in `common.proto` carries it.
///
/// Instants are `Date` values in UTC and never mix with these; ``init(_:)`` reads the day an
/// instant falls on in Vietnam. A date may be built unchecked, from a request or a file, and
/// asked ``isValid`` afterwards, so that a refusal can name the date as it was given; or checked
/// at once with ``init(year:month:day:)``. Days are counted from 1970-01-01 (``dayNumber``), so
/// date arithmetic is integer arithmetic and needs no `Calendar`.
///
/// A domain narrows the years it accepts on top of ``validYears`` where its rules need it (the
/// registry's `supportedYears`, the inspection's working calendar).
///
/// ## Topics
/// - ``init(year:month:day:)``, ``init(_:_:_:)``, ``isValid``, ``validYears``
/// - ``adding(days:)``, ``days(to:)``, ``dayNumber``, ``init(dayNumber:)``
/// - ``weekday``, ``isWeekend`` (`CivilDate+Weekday.swift`)
/// - ``firstDay(of:)``, ``lastDay(of:)``, ``endOf(month:year:)``, ``daysIn(month:year:)``,
///   ``isLeapYear(_:)``
/// - ``description``, ``iso``, ``init(iso:)``, ``formatted(separator:)``,
///   ``init(parsing:separator:)``, ``vietnameseText``, ``init(vietnamese:)`` (`CivilDate+Text.swift`)
/// - ``init(_:)`` — the day in Vietnam at an instant (`CivilDate+Instant.swift`)
/// - `Codable` as `"YYYY-MM-DD"` (`CivilDate+Codable.swift`)
public struct CivilDate: Sendable, Hashable, Comparable {
  /// The year, e.g. 2026.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, 1–31.
  public let day: Int

  /// The years a date may name at all: every valid date prints with four digits.
  public static let validYears = 1...9999

  /// The date `year`-`month`-`day` as given, unchecked: ask ``isValid`` before trusting input.
  public init(_ year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date, or `nil` when it does not exist (31 April, 29 February of a common year) or the
  /// year is outside ``validYears``.
  public init?(year: Int, month: Int, day: Int) {
    self.init(year, month, day)
    guard isValid else { return nil }
  }

  /// Whether the date exists: a year of ``validYears``, a month 1–12 and a day of that month.
  public var isValid: Bool {
    CivilDate.validYears.contains(year) && (1...12).contains(month)
      && (1...CivilDate.daysIn(month: month, year: year)).contains(day)
  }

  /// The date `dayNumber` days after 1970-01-01 (before it when negative).
  public init(dayNumber: Int) {
    // Howard Hinnant's civil-from-days: exact for the proleptic Gregorian calendar.
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    self.init(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
  }

  /// Days since 1970-01-01: the count that makes date arithmetic plain integer arithmetic.
  public var dayNumber: Int {
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

  /// The number of days from this date to `other`: positive when `other` is later.
  public func days(to other: CivilDate) -> Int {
    other.dayNumber - dayNumber
  }

  /// Earlier dates order first: by year, then month, then day.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The first day of `year`.
  public static func firstDay(of year: Int) -> CivilDate {
    CivilDate(year, 1, 1)
  }

  /// The last day of `year`.
  public static func lastDay(of year: Int) -> CivilDate {
    CivilDate(year, 12, 31)
  }

  /// The last day of `month` of `year`.
  public static func endOf(month: Int, year: Int) -> CivilDate {
    CivilDate(year, month, daysIn(month: month, year: year))
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
}
