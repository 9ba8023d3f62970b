import InspectionDomain
import Testing

@Suite("Working-day calendar")
struct WorkingCalendarTests {
  @Test func weekendsAreNotWorkingDays() throws {
    let calendar = try WorkingCalendar(year: 2026)
    #expect(!calendar.isWorkingDay(day(2026, 3, 7)))
    #expect(!calendar.isWorkingDay(day(2026, 3, 8)))
    #expect(calendar.isWorkingDay(day(2026, 3, 9)))
    #expect(calendar.day(day(2026, 3, 7))?.kind == .weekend)
  }

  @Test func theFixedHolidaysAreDaysOffWithTheirVietnameseNames() throws {
    let calendar = try WorkingCalendar(year: 2026)
    let names = Dictionary(calendar.holidays.map { ($0.date, $0.name) }, uniquingKeysWith: { first, _ in first })
    #expect(names[day(2026, 1, 1)] == "Tết Dương lịch")
    #expect(names[day(2026, 4, 30)] == "Ngày Chiến thắng")
    #expect(names[day(2026, 5, 1)] == "Ngày Quốc tế Lao động")
    #expect(names[day(2026, 9, 2)] == "Quốc khánh")
    for date in [day(2026, 1, 1), day(2026, 4, 30), day(2026, 5, 1), day(2026, 9, 2)] {
      #expect(!calendar.isWorkingDay(date))
    }
  }

  @Test func byDefaultTheDayNextToNationalDayIsTheFirstOfSeptember() throws {
    let calendar = try WorkingCalendar(year: 2026)
    #expect(calendar.day(day(2026, 9, 1))?.kind == .holiday)
    #expect(calendar.isWorkingDay(day(2026, 9, 3)))
  }

  @Test func theDayNextToNationalDayCanBeTheThirdOfSeptember() throws {
    let calendar = try WorkingCalendar(year: 2026, rules: HolidayRules(nationalDayCompanion: .dayAfter))
    #expect(calendar.isWorkingDay(day(2026, 9, 1)))
    #expect(calendar.day(day(2026, 9, 3))?.kind == .holiday)
  }

  @Test func byDefaultTetIsTheLastDayOfTheLunarYearAndTheFirstFourOfTheNew() throws {
    let calendar = try WorkingCalendar(year: 2026)
    let tet = calendar.days.filter { $0.name == "Tết Nguyên đán" }.map(\.date)
    #expect(tet == (16...20).map { day(2026, 2, $0) })
    #expect(calendar.isWorkingDay(day(2026, 2, 13)))
    #expect(calendar.isWorkingDay(day(2026, 2, 23)))
  }

  @Test func tetCanStartTwoDaysBeforeTheNewYear() throws {
    // 2024's notice: 29 and 30 tháng Chạp, then mùng 1 to 3 (10/2 was a Saturday).
    let calendar = try WorkingCalendar(year: 2024, rules: HolidayRules(tetDaysBeforeNewYear: 2))
    let tet = calendar.days.filter { $0.name == "Tết Nguyên đán" }.map(\.date)
    #expect(tet == (8...12).map { day(2024, 2, $0) })
    // Two of them on the weekend: two compensating days, 13 and 14 February.
    #expect(calendar.day(day(2024, 2, 13))?.kind == .compensatingDayOff)
    #expect(calendar.day(day(2024, 2, 14))?.kind == .compensatingDayOff)
    #expect(calendar.isWorkingDay(day(2024, 2, 15)))
  }

  @Test func hungKingsDayOnASundayGivesTheMondayOff() throws {
    let calendar = try WorkingCalendar(year: 2026)
    #expect(calendar.day(day(2026, 4, 26))?.kind == .holiday)
    #expect(calendar.day(day(2026, 4, 26))?.name == "Giỗ Tổ Hùng Vương")
    let monday = try #require(calendar.day(day(2026, 4, 27)))
    #expect(monday.kind == .compensatingDayOff)
    #expect(monday.name == "Nghỉ bù Giỗ Tổ Hùng Vương")
    #expect(monday.source == .computed)
  }

  @Test func threeWeekendHolidaysIn2023GiveThePublishedBreakOfTwentyNinthAprilToThirdMay() throws {
    // Giỗ Tổ on Saturday 29/4, 30/4 on Sunday, 1/5 on Monday: compensating days 2/5 and 3/5.
    let calendar = try WorkingCalendar(year: 2023)
    for date in (29...30).map({ day(2023, 4, $0) }) + (1...3).map({ day(2023, 5, $0) }) {
      #expect(!calendar.isWorkingDay(date), "\(date)")
    }
    #expect(calendar.isWorkingDay(day(2023, 4, 28)))
    #expect(calendar.isWorkingDay(day(2023, 5, 4)))
  }

  @Test func nationalDayOnASaturdayIn2023GivesThePublishedBreakOfFirstToFourthSeptember() throws {
    let calendar = try WorkingCalendar(year: 2023)
    #expect(calendar.day(day(2023, 9, 1))?.kind == .holiday)
    #expect(calendar.day(day(2023, 9, 4))?.kind == .compensatingDayOff)
    #expect(calendar.isWorkingDay(day(2023, 9, 5)))
  }

  @Test func eachDayCarriesItsLunarDate() throws {
    let calendar = try WorkingCalendar(year: 2026)
    #expect(calendar.day(day(2026, 2, 17))?.lunar == LunarDate(year: 2026, month: 1, day: 1))
    #expect(calendar.day(day(2026, 4, 26))?.lunar == LunarDate(year: 2026, month: 3, day: 10))
  }

  @Test func year2026Has250WorkingDays() throws {
    // 261 weekdays (52 weeks and Thursday 1/1) less 11 weekdays off: 1/1, 16–20/2, 27/4,
    // 30/4, 1/5, 1/9, 2/9.
    #expect(try WorkingCalendar(year: 2026).workingDayCount == 250)
    #expect(try calendar2026().workingDayCount == 250)
  }

  @Test func theNthWorkingDayAfterSkipsWeekendsAndHolidays() throws {
    let calendar = try calendar2026()
    #expect(calendar.workingDay(1, after: day(2026, 2, 13)) == day(2026, 2, 23))
    #expect(calendar.workingDay(5, after: day(2026, 3, 5)) == day(2026, 3, 12))
    #expect(calendar.workingDay(1, after: day(2026, 12, 31)) == nil)
  }

  @Test func workingDaysBetweenCountBothEnds() throws {
    let calendar = try calendar2026()
    #expect(calendar.workingDayCount(from: day(2026, 3, 2), through: day(2026, 3, 6)) == 5)
    #expect(calendar.workingDayCount(from: day(2026, 2, 14), through: day(2026, 2, 22)) == 0)
    #expect(calendar.workingDayCount(from: day(2026, 3, 6), through: day(2026, 3, 2)) == 0)
    #expect(calendar.workingDayCount(from: day(2026, 1, 1), through: day(2026, 12, 31)) == calendar.workingDayCount)
  }

  @Test func workingDaysAreNumberedFromZeroInDateOrder() throws {
    let calendar = try calendar2026()
    #expect(calendar.workingDayIndex(of: day(2026, 1, 2)) == 0)
    #expect(calendar.workingDayIndex(of: day(2026, 1, 5)) == 1)
    #expect(calendar.workingDayIndex(of: day(2026, 1, 3)) == nil)
    #expect(calendar.workingDays.first == day(2026, 1, 2))
  }

  @Test func aYearTheLunarCalendarIsNotComputedForIsRefused() {
    #expect(throws: CalendarError.self) { try WorkingCalendar(year: 1800) }
    do {
      _ = try WorkingCalendar(year: 2300)
      Issue.record("2300 accepted")
    } catch {
      #expect(error.field == "year")
      #expect(error.kind == .invalidArgument)
    }
  }
}
