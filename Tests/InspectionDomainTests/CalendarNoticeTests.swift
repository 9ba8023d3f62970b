import InspectionDomain
import ReformKit
import Testing

@Suite("Government notice of days off")
struct CalendarNoticeTests {
  @Test func the2026NoticeGivesTetFromFourteenthToTwentySecondFebruaryOff() throws {
    let calendar = try calendar2026()
    for date in (14...22).map({ day(2026, 2, $0) }) {
      #expect(!calendar.isWorkingDay(date), "\(date)")
      #expect(calendar.day(date)?.source == .notice)
    }
    #expect(calendar.isWorkingDay(day(2026, 2, 13)))
    #expect(calendar.isWorkingDay(day(2026, 2, 23)))
  }

  @Test func the2026NoticeGivesMondayTwentySeventhAprilOffForHungKingsDay() throws {
    let calendar = try calendar2026()
    let monday = try #require(calendar.day(day(2026, 4, 27)))
    #expect(!monday.isWorking)
    #expect(monday.kind == .compensatingDayOff)
    #expect(monday.source == .notice)
    #expect(calendar.day(day(2026, 4, 26))?.name == "Giỗ Tổ Hùng Vương")
  }

  @Test func daysTheNoticeDoesNotListStayAsComputed() throws {
    let calendar = try calendar2026()
    #expect(calendar.day(day(2026, 4, 30))?.source == .computed)
    #expect(calendar.day(day(2026, 9, 1))?.kind == .holiday)
  }

  @Test func aSwappedWorkingSaturdayIsWorkedAndItsSwappedDayIsOff() throws {
    let notice = CalendarNotice(
      year: 2026, source: SourceRef(document: "Thông báo thử"),
      days: [
        DayOverride(date: day(2026, 1, 2), kind: .swappedDayOff, name: "Nghỉ hoán đổi"),
        DayOverride(date: day(2026, 1, 10), kind: .swappedWorkingSaturday, name: "Làm bù cho 2/1"),
      ])
    let calendar = try WorkingCalendar(year: 2026, notice: notice)
    #expect(!calendar.isWorkingDay(day(2026, 1, 2)))
    #expect(calendar.isWorkingDay(day(2026, 1, 10)))
    #expect(calendar.holidays.contains { $0.date == day(2026, 1, 2) && $0.name == "Nghỉ hoán đổi" })
    #expect(calendar.workingDayCount == 250)
  }

  @Test func aNoticeCanCancelAComputedDayOff() throws {
    let notice = CalendarNotice(
      year: 2026, source: SourceRef(document: "Thông báo thử"),
      days: [
        DayOverride(date: day(2026, 9, 1), kind: .working),
        DayOverride(date: day(2026, 9, 3), kind: .holiday, name: "Quốc khánh"),
      ])
    let calendar = try WorkingCalendar(year: 2026, notice: notice)
    #expect(calendar.isWorkingDay(day(2026, 9, 1)))
    #expect(!calendar.isWorkingDay(day(2026, 9, 3)))
  }

  @Test func aNoticeForAnotherYearIsRefusedNamingTheField() {
    let error = #expect(throws: CalendarError.self) { try WorkingCalendar(year: 2027, notice: .vietnam2026) }
    #expect(error?.field == "notice.year")
  }

  @Test func aDayListedTwiceIsRefusedNamingTheLine() {
    let notice = CalendarNotice(
      year: 2026, source: SourceRef(document: "Thông báo thử"),
      days: [DayOverride(date: day(2026, 3, 2), kind: .holiday), DayOverride(date: day(2026, 3, 2), kind: .working)])
    let error = #expect(throws: CalendarError.self) { try WorkingCalendar(year: 2026, notice: notice) }
    #expect(error?.field == "notice.days[1].date")
  }

  @Test func aWeekdayCannotBeASwappedWorkingSaturday() {
    let notice = CalendarNotice(
      year: 2026, source: SourceRef(document: "Thông báo thử"),
      days: [DayOverride(date: day(2026, 3, 4), kind: .swappedWorkingSaturday)])
    let error = #expect(throws: CalendarError.self) { try WorkingCalendar(year: 2026, notice: notice) }
    #expect(error?.field == "notice.days[0].kind")
    #expect(error?.kind == .invalidArgument)
  }
}
