import Foundation
import ReformKit
import ReformWire

/// Kiểm tra: a year's inspection programmes, one programme as a month calendar on the working
/// calendar (holidays named, days off marked) and as a list per team.
struct ProgrammesView: Sendable {
  struct Item: Sendable {
    let name: String
    let link: String
    let owner: String
    let version: Int32
    let visits: Int32
    let unplaced: Int32
    let created: String
  }

  let session: SessionView
  let year: Int32
  let owner: String
  let items: [Item]

  init(session: ConsoleSession, year: Int32, owner: String, response: InspectionListProgrammesResponse) {
    self.session = SessionView(session)
    self.year = year
    self.owner = owner
    items = response.programmes.map {
      Item(
        name: $0.name.isEmpty ? $0.programmeId : $0.name, link: ProgrammeView.link(id: $0.programmeId, month: nil),
        owner: $0.ownerUnitCode, version: $0.version, visits: $0.visitCount, unplaced: $0.unplacedCount,
        created: ConsoleText.time($0.createdAt))
    }
  }
}

struct ProgrammeView: Sendable {
  struct Week: Sendable { let days: [Day] }

  struct Day: Sendable {
    let number: String
    let label: String
    let inMonth: Bool
    let working: Bool
    let holiday: String?
    let visits: [String]
  }

  struct Team: Sendable {
    let name: String
    let visits: [Visit]
  }

  struct Visit: Sendable {
    let unit: String
    let kind: String
    let days: String
    let workingDays: Int32
    let risk: String
    let topic: String
  }

  struct Holiday: Sendable {
    let day: String
    let name: String
    let kind: String
  }

  let session: SessionView
  let id: String
  let name: String
  let owner: String
  let year: Int32
  let version: Int32
  let monthName: String
  let previous: String?
  let next: String?
  let weekdays = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
  let weeks: [Week]
  let teams: [Team]
  let unplaced: Int
  let holidays: [Holiday]
  let icsLink: String
  let csvLink: String

  init(session: ConsoleSession, programme: InspectionProgramme, calendar: InspectionCalendar, month requested: Int?) {
    self.session = SessionView(session)
    id = programme.programmeId
    name = programme.name.isEmpty ? programme.programmeId : programme.name
    owner = programme.ownerUnitCode
    year = programme.year
    version = programme.version
    let firstMonth = programme.visits.compactMap { Self.civil($0.firstDay)?.month }.min() ?? 1
    let month = requested ?? firstMonth
    monthName = "Tháng \(month)/\(programme.year)"
    previous = month > 1 ? Self.link(id: id, month: month - 1) : nil
    next = month < 12 ? Self.link(id: id, month: month + 1) : nil
    let days = Dictionary(calendar.days.compactMap { day in Self.civil(day.date).map { ($0, day) } }, uniquingKeysWith: { first, _ in first })
    weeks = Self.weeks(year: Int(programme.year), month: month, days: days, visits: programme.visits)
    let teamNames = Dictionary((programme.input?.teams ?? []).map { ($0.teamId, $0.name) }, uniquingKeysWith: { first, _ in first })
    teams = Dictionary(grouping: programme.visits, by: \.teamId).sorted { $0.key < $1.key }.map { teamId, visits in
      Team(
        name: teamNames[teamId].flatMap { $0.isEmpty ? nil : $0 } ?? teamId,
        visits: visits.sorted { (Self.civil($0.firstDay) ?? .firstDay(of: 1)) < (Self.civil($1.firstDay) ?? .firstDay(of: 1)) }.map { visit in
          Visit(
            unit: visit.unitName.isEmpty ? visit.unitCode : visit.unitName, kind: ConsoleText.inspectionKind(visit.kind),
            days: ConsoleText.day(visit.firstDay) + " – " + ConsoleText.day(visit.lastDay), workingDays: visit.workingDays,
            risk: ConsoleText.percent(visit.riskBp), topic: visit.topic)
        })
    }
    unplaced = programme.unplaced.count
    holidays = calendar.days.filter { !$0.working && !$0.name.isEmpty }.map {
      Holiday(day: ConsoleText.day($0.date), name: $0.name, kind: ConsoleText.dayKind($0.kind))
    }
    icsLink = "/console/kiem-tra/tai?id=\(Console.queryEscaped(id))&dinh-dang=ics"
    csvLink = "/console/kiem-tra/tai?id=\(Console.queryEscaped(id))&dinh-dang=csv"
  }

  static func link(id: String, month: Int?) -> String {
    "/console/kiem-tra/ke-hoach?id=\(Console.queryEscaped(id))" + (month.map { "&thang=\($0)" } ?? "")
  }

  /// A wire date as the kernel's, nil when unset or not a day.
  static func civil(_ date: CalendarDate?) -> CivilDate? {
    date.flatMap { CivilDate(year: Int($0.year), month: Int($0.month), day: Int($0.day)) }
  }

  /// The month's weeks, Monday first, with the days of the months beside it greyed.
  static func weeks(year: Int, month: Int, days: [CivilDate: InspectionCalendarDay], visits: [InspectionVisit]) -> [Week] {
    guard let first = CivilDate(year: year, month: month, day: 1) else { return [] }
    let lead = first.weekday.rawValue - 1
    let start = first.adding(days: -lead)
    let cells = ((lead + CivilDate.daysIn(month: month, year: year) + 6) / 7) * 7
    let spans = visits.compactMap { visit in civil(visit.firstDay).flatMap { from in civil(visit.lastDay).map { (from...$0, visit) } } }
    return stride(from: 0, to: cells, by: 7).map { week in
      Week(days: (week..<week + 7).map { offset in
        let date = start.adding(days: offset)
        let day = days[date]
        let inMonth = date.month == month
        let working = day?.working ?? !date.isWeekend
        let here = inMonth && working ? spans.filter { $0.0.contains(date) }.map(\.1) : []
        return Day(
          number: String(date.day), label: date.vietnameseText, inMonth: inMonth, working: working,
          holiday: day.flatMap { $0.name.isEmpty || $0.working ? nil : $0.name },
          visits: here.map { $0.unitName.isEmpty ? $0.unitCode : $0.unitName })
      })
    }
  }
}
