import ExchangeDomain
import Foundation
import Testing

@Suite("Civil dates")
struct CivilDateTests {
  @Test func the29thOfFebruaryExistsOnlyInLeapYears() {
    #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
  }

  @Test func addingDaysCrossesMonthsAndYears() {
    #expect(day(2025, 12, 31).adding(days: 1) == day(2026, 1, 1))
    #expect(day(2024, 3, 1).adding(days: -1) == day(2024, 2, 29))
    #expect(day(2025, 10, 15).days(until: day(2025, 10, 31)) == 16)
  }

  @Test func anInstantIsReadOnItsDayInHoChiMinhCity() {
    // 17:30 UTC on 14 October is 00:30 on 15 October in Asia/Ho_Chi_Minh.
    #expect(CivilDate(instant("2025-10-14T17:30:00Z")) == day(2025, 10, 15))
    #expect(CivilDate(instant("2025-10-14T16:59:59Z")) == day(2025, 10, 14))
  }

  @Test func weekdaysRunMondayOneToSundaySeven() {
    #expect(day(2025, 10, 20).weekday == 1)
    #expect(day(2025, 10, 25).weekday == 6)
    #expect(day(2025, 10, 26).weekday == 7)
    #expect(day(1970, 1, 1).weekday == 4)
  }

  @Test func theNextWorkingDayAfterFridayIsMonday() {
    #expect(day(2025, 10, 24).nextWorkingDay() == day(2025, 10, 27))
    #expect(day(2025, 10, 25).nextWorkingDay() == day(2025, 10, 27))
    #expect(day(2025, 10, 20).nextWorkingDay() == day(2025, 10, 21))
  }

  @Test func datesPrintWithZeroPaddingAndReadBack() {
    let date = day(2015, 9, 3)
    #expect(date.formatted(separator: "/") == "2015/09/03")
    #expect(CivilDate(parsing: "2015/09/03", separator: "/") == date)
    #expect(CivilDate(parsing: "2015-9-3", separator: "-") == nil)
    #expect(CivilDate(parsing: "2015-02-30", separator: "-") == nil)
  }
}
