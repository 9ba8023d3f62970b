import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

@Suite("Working-day calendar")
struct CalendarTests {
  /// The day of `calendar` on `date`.
  func day(_ calendar: InspectionCalendar, _ date: CalendarDate) throws -> InspectionCalendarDay {
    try #require(calendar.days.first { $0.date == date })
  }

  @Test func calendarFor2026HasTheAnnouncedDaysOffFromTheBuiltInNotice() async throws {
    let module = try Harness()
    let calendar = try await module.call(InspectionService.GetCalendar.self, .init(year: 2026))
    #expect(calendar.days.count == 365)
    #expect(calendar.notice?.year == 2026)
    // Tết Nguyên đán: Saturday 14/2 to Sunday 22/2, every day off and set by the notice.
    for dayOfMonth in Int32(14)...22 {
      let tet = try day(calendar, date(2026, 2, dayOfMonth))
      #expect(tet.kind == .holiday && !tet.working && tet.source == .notice && tet.name == "Tết Nguyên đán")
    }
    #expect(try day(calendar, date(2026, 2, 13)).working)
    #expect(try day(calendar, date(2026, 2, 23)).working)
    // Giỗ Tổ Hùng Vương on Sunday 26/4 (10/3 lunar), Monday 27/4 off in compensation.
    let hungKings = try day(calendar, date(2026, 4, 26))
    #expect(hungKings.kind == .holiday && hungKings.lunar == InspectionLunarDate(year: 2026, month: 3, day: 10))
    let compensation = try day(calendar, date(2026, 4, 27))
    #expect(compensation.kind == .compensatingDayOff && !compensation.working)
    // The computed holidays the notice leaves alone: 1/1, 30/4, 1/5, 1/9 and 2/9.
    for holiday in [date(2026, 1, 1), date(2026, 4, 30), date(2026, 5, 1), date(2026, 9, 1), date(2026, 9, 2)] {
      let off = try day(calendar, holiday)
      #expect(off.kind == .holiday && off.source == .computed, "\(holiday)")
    }
    #expect(calendar.workingDayCount == Int32(calendar.days.count { $0.working }))
    #expect(!calendar.sources.isEmpty)
  }

  @Test func ignoringTheNoticeShowsTheComputedCalendar() async throws {
    let module = try Harness()
    let computed = try await module.call(InspectionService.GetCalendar.self, .init(year: 2026, ignoreNotice: true))
    let announced = try await module.call(InspectionService.GetCalendar.self, .init(year: 2026))
    #expect(computed.notice == nil)
    #expect(computed.days.allSatisfy { $0.source == .computed })
    // The law's five days of Tết fall on 16–20/2; the notice names the weekends around them too.
    #expect(try day(computed, date(2026, 2, 14)).kind == .weekend)
    #expect(try day(announced, date(2026, 2, 14)).kind == .holiday)
    #expect(try day(computed, date(2026, 2, 16)).kind == .holiday)
    #expect(computed.workingDayCount == announced.workingDayCount)
  }

  @Test func aRangeOfDatesShowsOnlyThoseDaysAndTheirWorkingDays() async throws {
    let module = try Harness()
    let february = try await module.call(
      InspectionService.GetCalendar.self, .init(year: 2026, dates: range(date(2026, 2, 1), date(2026, 2, 28))))
    #expect(february.days.count == 28)
    #expect(february.days.first?.date == date(2026, 2, 1))
    // 20 weekdays in February 2026, of which Tết takes 16–20 (and 14, 15, 21, 22 are weekend).
    #expect(february.workingDayCount == 15)
  }

  @Test func loadingANoticeReplacesTheBuiltInOneAndSurvivesARestart() async throws {
    let module = try Harness()
    let notice = InspectionCalendarNotice(
      year: 2026, source: SourceRef(document: "Thông báo 123/TB-BNV"),
      days: [
        InspectionDayOverride(date: date(2026, 1, 2), kind: .swappedDayOff, name: "Nghỉ hoán đổi"),
        InspectionDayOverride(date: date(2026, 1, 10), kind: .swappedWorkingSaturday, name: "Làm bù"),
      ])
    let loaded = try await module.call(
      InspectionService.LoadCalendarNotice.self, .init(notice: notice), as: .inspector("ktv-09"))
    #expect(loaded.notice?.loadedBy == "ktv-09")
    #expect(loaded.notice?.loadedAt != nil)
    #expect(try day(loaded, date(2026, 1, 2)).kind == .swappedDayOff)
    #expect(try day(loaded, date(2026, 1, 10)).working)
    // The built-in Tết lines are gone with the notice they belonged to.
    #expect(try day(loaded, date(2026, 2, 20)).source == .computed)

    let afterRestart = try await module.reopened().call(InspectionService.GetCalendar.self, .init(year: 2026))
    #expect(afterRestart == loaded)
  }

  @Test func removingANoticeGoesBackToTheComputedCalendarAndMayBeRepeated() async throws {
    let module = try Harness()
    let removed = try await module.call(InspectionService.RemoveCalendarNotice.self, .init(year: 2026))
    #expect(removed.notice == nil && removed.days.allSatisfy { $0.source == .computed })
    let again = try await module.call(InspectionService.RemoveCalendarNotice.self, .init(year: 2026))
    #expect(again == removed)
    let read = try await module.call(InspectionService.GetCalendar.self, .init(year: 2026))
    #expect(read.notice == nil)
  }

  @Test func aNoticeThatListsADayTwiceIsRefusedAndNothingIsStored() async throws {
    let module = try Harness()
    let before = try await module.call(InspectionService.GetCalendar.self, .init(year: 2026))
    let twice = InspectionCalendarNotice(
      year: 2026,
      days: [
        InspectionDayOverride(date: date(2026, 3, 2), kind: .holiday),
        InspectionDayOverride(date: date(2026, 3, 2), kind: .holiday),
      ])
    await expectRPCError(.invalidArgument, field: "notice.days[1].date") {
      _ = try await module.call(InspectionService.LoadCalendarNotice.self, .init(notice: twice))
    }
    #expect(try await module.call(InspectionService.GetCalendar.self, .init(year: 2026)) == before)
  }

  @Test func noticeLinesThatCannotBeAreRefusedNamingTheField() async throws {
    let module = try Harness()
    func load(_ notice: InspectionCalendarNotice?) async throws {
      _ = try await module.call(InspectionService.LoadCalendarNotice.self, .init(notice: notice))
    }
    await expectRPCError(.invalidArgument, field: "notice") { try await load(nil) }
    await expectRPCError(.invalidArgument, field: "notice.year") { try await load(.init(year: 0)) }
    await expectRPCError(.invalidArgument, field: "notice.year") { try await load(.init(year: 40_000)) }
    await expectRPCError(.invalidArgument, field: "notice.days[0].date") {
      try await load(.init(year: 2026, days: [.init(date: date(2026, 2, 30), kind: .holiday)]))
    }
    await expectRPCError(.invalidArgument, field: "notice.days[0].date") {
      try await load(.init(year: 2026, days: [.init(date: date(2027, 1, 1), kind: .holiday)]))
    }
    await expectRPCError(.invalidArgument, field: "notice.days[0].kind") {
      try await load(.init(year: 2026, days: [.init(date: date(2026, 3, 2))]))
    }
    // Monday 2/3/2026 cannot be a swapped working Saturday.
    await expectRPCError(.invalidArgument, field: "notice.days[0].kind") {
      try await load(.init(year: 2026, days: [.init(date: date(2026, 3, 2), kind: .swappedWorkingSaturday)]))
    }
    await expectRPCError(.invalidArgument, field: "notice.days[0].name") {
      try await load(
        .init(
          year: 2026,
          days: [.init(date: date(2026, 3, 2), kind: .holiday, name: String(repeating: "x", count: 1_000_000))]))
    }
    await expectRPCError(.resourceExhausted, field: "notice.days") {
      try await load(
        .init(year: 2026, days: Array(repeating: .init(date: date(2026, 3, 2), kind: .holiday), count: 100_000)))
    }
  }

  @Test func calendarRequestsOutsideTheSupportedYearsAreRefused() async throws {
    let module = try Harness()
    for year: Int32 in [0, -5, 1899, 2200, .max] {
      await expectRPCError(.invalidArgument, field: "year") {
        _ = try await module.call(InspectionService.GetCalendar.self, .init(year: year))
      }
    }
    await expectRPCError(.invalidArgument, field: "dates.first") {
      _ = try await module.call(
        InspectionService.GetCalendar.self, .init(year: 2026, dates: range(date(2025, 12, 1), date(2026, 1, 31))))
    }
    await expectRPCError(.invalidArgument, field: "dates.last") {
      _ = try await module.call(
        InspectionService.GetCalendar.self, .init(year: 2026, dates: range(date(2026, 3, 1), date(2026, 2, 1))))
    }
    await expectRPCError(.invalidArgument, field: "year") {
      _ = try await module.call(InspectionService.RemoveCalendarNotice.self, .init(year: 0))
    }
  }
}
