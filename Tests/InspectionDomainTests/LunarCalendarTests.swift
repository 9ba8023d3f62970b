import InspectionDomain
import Testing

/// Dates as published on Vietnamese calendars (lịch vạn niên; the government's yearly notices
/// for 2020–2026), typed in here, never computed.
@Suite("Vietnamese lunar calendar")
struct LunarCalendarTests {
  /// Mùng 1 Tết, 2020–2035. 2030 is 2/2: the new moon falls at 23:07 in Hà Nội, 00:07 on 3/2
  /// in Beijing, so Chinese calendars print 3/2.
  static let tet: [(year: Int, month: Int, day: Int)] = [
    (2020, 1, 25), (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10), (2025, 1, 29),
    (2026, 2, 17), (2027, 2, 6), (2028, 1, 26), (2029, 2, 13), (2030, 2, 2), (2031, 1, 23),
    (2032, 2, 11), (2033, 1, 31), (2034, 2, 19), (2035, 2, 8),
  ]

  /// Giỗ Tổ Hùng Vương (10/3 lunar), 2020–2035.
  static let hungKings: [(year: Int, month: Int, day: Int)] = [
    (2020, 4, 2), (2021, 4, 21), (2022, 4, 10), (2023, 4, 29), (2024, 4, 18), (2025, 4, 7),
    (2026, 4, 26), (2027, 4, 16), (2028, 4, 4), (2029, 4, 23), (2030, 4, 12), (2031, 4, 1),
    (2032, 4, 19), (2033, 4, 9), (2034, 4, 28), (2035, 4, 17),
  ]

  @Test(arguments: tet)
  func tetFallsOnThePublishedDate(_ expected: (year: Int, month: Int, day: Int)) {
    #expect(LunarCalendar.vietnam.newYear(expected.year) == day(expected.year, expected.month, expected.day))
  }

  @Test(arguments: hungKings)
  func hungKingsDayFallsOnThePublishedDate(_ expected: (year: Int, month: Int, day: Int)) {
    let lunar = LunarDate(year: expected.year, month: 3, day: 10)
    #expect(LunarCalendar.vietnam.solarDate(of: lunar) == day(expected.year, expected.month, expected.day))
  }

  @Test func tet1985IsOnTwentyFirstJanuaryInVietnamButTwentiethFebruaryInChina() {
    #expect(LunarCalendar.vietnam.newYear(1985) == day(1985, 1, 21))
    #expect(LunarCalendar(timeZoneHours: 8).newYear(1985) == day(1985, 2, 20))
  }

  @Test func tet2007IsOnSeventeenthFebruaryInVietnamButEighteenthInChina() {
    #expect(LunarCalendar.vietnam.newYear(2007) == day(2007, 2, 17))
    #expect(LunarCalendar(timeZoneHours: 8).newYear(2007) == day(2007, 2, 18))
  }

  @Test func tet2030IsADayEarlierInVietnamThanInChina() {
    #expect(LunarCalendar.vietnam.newYear(2030) == day(2030, 2, 2))
    #expect(LunarCalendar(timeZoneHours: 8).newYear(2030) == day(2030, 2, 3))
  }

  @Test func theLeapFourthMonthOf2020BeginsOnTwentyThirdMay() {
    let first = LunarDate(year: 2020, month: 4, day: 1, isLeapMonth: true)
    #expect(LunarCalendar.vietnam.solarDate(of: first) == day(2020, 5, 23))
    #expect(LunarCalendar.vietnam.lunarDate(of: day(2020, 5, 23)) == first)
    #expect(LunarCalendar.vietnam.leapMonth(of: 2020) == 4)
  }

  @Test func theLeapSecondMonthOf2023BeginsOnTwentySecondMarch() {
    let first = LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)
    #expect(LunarCalendar.vietnam.solarDate(of: first) == day(2023, 3, 22))
    #expect(LunarCalendar.vietnam.leapMonth(of: 2023) == 2)
  }

  @Test func theLeapSixthMonthOf2025BeginsOnTwentyFifthJuly() {
    let first = LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true)
    #expect(LunarCalendar.vietnam.solarDate(of: first) == day(2025, 7, 25))
  }

  @Test func aYearOfTwelveMonthsHasNoLeapMonth() {
    #expect(LunarCalendar.vietnam.leapMonth(of: 2026) == nil)
    #expect(LunarCalendar.vietnam.solarDate(of: LunarDate(year: 2026, month: 4, day: 1, isLeapMonth: true)) == nil)
  }

  @Test func theLastMonthOfAtTyHasNoThirtiethDaySoTet2026HasNoThirtiethOfTheTwelfthMonth() {
    #expect(LunarCalendar.vietnam.solarDate(of: LunarDate(year: 2025, month: 12, day: 30)) == nil)
    #expect(LunarCalendar.vietnam.lunarDate(of: day(2026, 2, 16)) == LunarDate(year: 2025, month: 12, day: 29))
  }

  @Test func aDayInJanuaryBeforeTetBelongsToThePreviousLunarYear() {
    #expect(LunarCalendar.vietnam.lunarDate(of: day(2026, 1, 19)) == LunarDate(year: 2025, month: 12, day: 1))
  }

  @Test func everyDayFrom2020To2035ConvertsToLunarAndBack() {
    var date = day(2020, 1, 1)
    while date <= day(2035, 12, 31) {
      let lunar = LunarCalendar.vietnam.lunarDate(of: date)
      #expect(LunarCalendar.vietnam.solarDate(of: lunar) == date, "\(date) → \(lunar)")
      date = date.adding(days: 1)
    }
  }
}
