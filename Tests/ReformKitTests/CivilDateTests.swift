import Foundation
import ReformKit
import Testing

@Suite("Civil dates")
struct CivilDateTests {
  @Test func the29thOfFebruaryExistsOnlyInLeapYears() {
    #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
  }

  @Test func aDateIsBuiltAsGivenAndAskedWhetherItExists() {
    #expect(CivilDate(2025, 2, 30).isValid == false)
    #expect(CivilDate(0, 1, 1).isValid == false)
    #expect(CivilDate(10_000, 1, 1).isValid == false)
    #expect(CivilDate(9999, 12, 31).isValid)
    #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
    // A refusal names the date as it was given.
    #expect(CivilDate(2025, 2, 30).description == "2025-02-30")
    #expect(CivilDate(0, 13, 0).description == "0000-13-00")
  }

  @Test func addingDaysCrossesMonthsAndYears() {
    #expect(day(2025, 12, 31).adding(days: 1) == day(2026, 1, 1))
    #expect(day(2024, 3, 1).adding(days: -1) == day(2024, 2, 29))
    #expect(day(2025, 10, 15).days(to: day(2025, 10, 31)) == 16)
    #expect(day(1970, 1, 1).dayNumber == 0)
    #expect(CivilDate(dayNumber: -1) == day(1969, 12, 31))
  }

  @Test func anInstantIsReadOnItsDayInHoChiMinhCity() {
    // 17:30 UTC on 14 October is 00:30 on 15 October in Asia/Ho_Chi_Minh.
    #expect(CivilDate(instant("2025-10-14T17:30:00Z")) == day(2025, 10, 15))
    #expect(CivilDate(instant("2025-10-14T16:59:59Z")) == day(2025, 10, 14))
  }

  @Test func todayIsTheDayInVietnam() {
    // 2025-12-31 17:30 UTC is already 1 January 2026 in Hà Nội.
    #expect(CivilDate(Date(timeIntervalSince1970: 1_767_202_200)) == CivilDate(year: 2026, month: 1, day: 1))
    #expect(CivilDate(Date(timeIntervalSince1970: -3_600)) == CivilDate(year: 1970, month: 1, day: 1))
    #expect(CivilDate(Date(timeIntervalSince1970: -8 * 3_600)) == CivilDate(year: 1969, month: 12, day: 31))
  }

  @Test func weekdaysRunMondayOneToSundaySeven() {
    #expect(day(2025, 10, 20).weekday == .monday)
    #expect(day(2025, 10, 25).weekday == .saturday)
    #expect(day(2025, 10, 26).weekday == .sunday)
    #expect(day(1970, 1, 1).weekday == .thursday)
    #expect(day(2025, 10, 26).weekday.rawValue == 7)
    #expect(day(2025, 10, 25).isWeekend && !day(2025, 10, 24).isWeekend)
  }

  @Test func datesPrintWithZeroPaddingAndReadBack() {
    let date = day(2015, 9, 3)
    #expect(date.formatted(separator: "/") == "2015/09/03")
    #expect(date.iso == "2015-09-03")
    #expect(date.description == "2015-09-03")
    #expect(CivilDate(parsing: "2015/09/03", separator: "/") == date)
    #expect(CivilDate(iso: "2015-09-03") == date)
    #expect(CivilDate(parsing: "2015-9-3", separator: "-") == nil)
    #expect(CivilDate(parsing: "2015-02-30", separator: "-") == nil)
    #expect(CivilDate(iso: "+015-09-03") == nil)
  }

  @Test func theVietnameseFormIsDayMonthYear() {
    #expect(day(2025, 9, 5).vietnameseText == "05/09/2025")
    #expect(CivilDate(vietnamese: "05/09/2025") == day(2025, 9, 5))
    #expect(CivilDate(vietnamese: "5/9/2025") == day(2025, 9, 5))
    #expect(CivilDate(vietnamese: "30/2/2025") == nil)
    #expect(CivilDate(vietnamese: "2025-09-05") == nil)
  }

  @Test func jsonCarriesTheISOForm() throws {
    let data = try JSONEncoder().encode([day(2020, 12, 31)])
    #expect(String(decoding: data, as: UTF8.self) == #"["2020-12-31"]"#)
    #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [day(2020, 12, 31)])
    let error = #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([CivilDate].self, from: Data(#"["31/12/2020"]"#.utf8))
    }
    guard case .dataCorrupted(let context) = error else {
      Issue.record("expected dataCorrupted, got \(String(describing: error))")
      return
    }
    #expect(context.debugDescription == "\"31/12/2020\" is not a date written YYYY-MM-DD")
  }

  @Test func daysOfMonthsAndYears() {
    #expect(CivilDate.daysIn(month: 2, year: 2024) == 29)
    #expect(CivilDate.daysIn(month: 2, year: 2100) == 28)
    #expect(CivilDate.endOf(month: 4, year: 2025) == day(2025, 4, 30))
    #expect(CivilDate.firstDay(of: 2026) == day(2026, 1, 1))
    #expect(CivilDate.lastDay(of: 2026) == day(2026, 12, 31))
  }

  private func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard let date = CivilDate(year: year, month: month, day: day) else {
      preconditionFailure("\(year)-\(month)-\(day) is not a date")
    }
    return date
  }

  /// An instant written in ISO 8601 with its offset, e.g. `2025-10-15T08:30:00+07:00`.
  private func instant(_ text: String) -> Date {
    guard let date = try? Date(text, strategy: .iso8601) else { preconditionFailure("bad instant \(text)") }
    return date
  }
}
