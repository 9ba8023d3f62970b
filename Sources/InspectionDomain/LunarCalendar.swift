import Foundation
import ReformKit

/// The Vietnamese lunisolar calendar (âm lịch), computed astronomically for a time zone after
/// Hồ Ngọc Đức's algorithm.
///
/// A lunar month begins on the day, in the calendar's time zone, that holds the new moon; month
/// 11 is the month that holds the winter solstice; a year of 13 months repeats, as its leap
/// month, the first month that holds no major solar term. Vietnam has kept the calendar for
/// UTC+7 since 1968, China for UTC+8, so where a new moon or a solar term falls between 16:00
/// and 17:00 UTC the two differ by a day — or, through month 11 and the leap month, by a month:
/// Tết 1985 was 21/1/1985 in Vietnam and 20/2/1985 in China.
///
/// The astronomical series are accurate for roughly 1800–2199.
///
/// ## Topics
/// - ``vietnam``
/// - ``lunarDate(of:)``
/// - ``solarDate(of:)``
/// - ``newYear(_:)``
/// - ``leapMonth(of:)``
public struct LunarCalendar: Sendable, Hashable {
  /// The time zone the calendar is kept for, in hours east of UTC.
  public var timeZoneHours: Double

  /// The calendar kept for `timeZoneHours` hours east of UTC.
  public init(timeZoneHours: Double) {
    self.timeZoneHours = timeZoneHours
  }

  /// The Vietnamese calendar, kept for UTC+7.
  public static let vietnam = LunarCalendar(timeZoneHours: 7)

  /// The lunar date of `date`.
  public func lunarDate(of date: CivilDate) -> LunarDate {
    let dayNumber = date.julianDay
    let k = Int(floor((Double(dayNumber) - 2_415_021.076998695) / Self.synodicMonth))
    var monthStart = newMoonDay(k + 1)
    if monthStart > dayNumber {
      monthStart = newMoonDay(k)
    }
    var a11 = lunarMonth11(date.year)
    var b11 = a11
    var lunarYear: Int
    if a11 >= monthStart {
      lunarYear = date.year
      a11 = lunarMonth11(date.year - 1)
    } else {
      lunarYear = date.year + 1
      b11 = lunarMonth11(date.year + 1)
    }
    let day = dayNumber - monthStart + 1
    let diff = (monthStart - a11) / 29
    var isLeap = false
    var month = diff + 11
    if b11 - a11 > 365 {
      let leapDiff = leapMonthOffset(a11)
      if diff >= leapDiff {
        month = diff + 10
        isLeap = diff == leapDiff
      }
    }
    if month > 12 {
      month -= 12
    }
    if month >= 11 && diff < 4 {
      lunarYear -= 1
    }
    return LunarDate(year: lunarYear, month: month, day: day, isLeapMonth: isLeap)
  }

  /// The solar date of `lunar`, or `nil` when it does not exist: a leap month the year does
  /// not have, or day 30 of a month of 29 days.
  public func solarDate(of lunar: LunarDate) -> CivilDate? {
    guard (1...12).contains(lunar.month), (1...30).contains(lunar.day) else { return nil }
    let a11: Int
    let b11: Int
    if lunar.month < 11 {
      a11 = lunarMonth11(lunar.year - 1)
      b11 = lunarMonth11(lunar.year)
    } else {
      a11 = lunarMonth11(lunar.year)
      b11 = lunarMonth11(lunar.year + 1)
    }
    let k = Int(floor(0.5 + (Double(a11) - 2_415_021.076998695) / Self.synodicMonth))
    var offset = lunar.month - 11
    if offset < 0 {
      offset += 12
    }
    if b11 - a11 > 365 {
      let leapOffset = leapMonthOffset(a11)
      var leapMonth = leapOffset - 2
      if leapMonth < 0 {
        leapMonth += 12
      }
      if lunar.isLeapMonth && lunar.month != leapMonth {
        return nil
      }
      if lunar.isLeapMonth || offset >= leapOffset {
        offset += 1
      }
    } else if lunar.isLeapMonth {
      return nil
    }
    let date = CivilDate(julianDay: newMoonDay(k + offset) + lunar.day - 1)
    // Day 30 of a 29-day month would land on the next month's first day.
    return lunarDate(of: date) == lunar ? date : nil
  }

  /// The first day of lunar year `lunarYear` (mùng 1 Tết).
  public func newYear(_ lunarYear: Int) -> CivilDate {
    solarDate(of: LunarDate(year: lunarYear, month: 1, day: 1))!
  }

  /// The leap month of lunar year `lunarYear` (the month number it repeats), or `nil` in a
  /// year of twelve months.
  public func leapMonth(of lunarYear: Int) -> Int? {
    (1...12).first { solarDate(of: LunarDate(year: lunarYear, month: $0, day: 1, isLeapMonth: true)) != nil }
  }

  // MARK: - Astronomy

  /// The mean synodic month, in days.
  private static let synodicMonth = 29.530588853

  /// The Julian Day Number of the local day that holds the `k`-th new moon after 1/1/1900.
  private func newMoonDay(_ k: Int) -> Int {
    Int(floor(Self.newMoon(k) + 0.5 + timeZoneHours / 24))
  }

  /// The sun's longitude at the start of the local day `dayNumber`, as a sector 0–11 of 30°.
  private func sunLongitudeSector(_ dayNumber: Int) -> Int {
    Int(floor(Self.sunLongitude(Double(dayNumber) - 0.5 - timeZoneHours / 24) / .pi * 6))
  }

  /// The first day of the lunar month that holds the winter solstice of solar year `year`.
  private func lunarMonth11(_ year: Int) -> Int {
    let offset = CivilDate(year: year, month: 12, day: 31)!.julianDay - 2_415_021
    let k = Int(floor(Double(offset) / Self.synodicMonth))
    let newMoon = newMoonDay(k)
    // A sector of 9 or more means the sun is past 270°: the solstice already happened.
    return sunLongitudeSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon
  }

  /// The offset, from month 11 starting on `a11`, of the year's leap month.
  private func leapMonthOffset(_ a11: Int) -> Int {
    let k = Int(floor((Double(a11) - 2_415_021.076998695) / Self.synodicMonth + 0.5))
    var i = 1
    var arc = sunLongitudeSector(newMoonDay(k + i))
    var last: Int
    repeat {
      last = arc
      i += 1
      arc = sunLongitudeSector(newMoonDay(k + i))
    } while arc != last && i < 14
    return i - 1
  }

  /// The Julian date (fractional, UTC) of the `k`-th new moon after 1/1/1900 (Meeus'
  /// series, as the algorithm gives it).
  private static func newMoon(_ k: Int) -> Double {
    let k = Double(k)
    let t = k / 1236.85
    let t2 = t * t
    let t3 = t2 * t
    let dr = Double.pi / 180
    var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
    c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
    let deltaT: Double
    if t < -11 {
      deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
      deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
    }
    return jd1 + c1 - deltaT
  }

  /// The sun's apparent longitude, in radians 0–2π, at Julian date `jd` (UTC).
  private static func sunLongitude(_ jd: Double) -> Double {
    let t = (jd - 2_451_545.0) / 36525
    let t2 = t * t
    let dr = Double.pi / 180
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
    var l = (l0 + dl) * dr
    l -= 2 * .pi * floor(l / (2 * .pi))
    return l
  }
}
