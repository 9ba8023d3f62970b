import Foundation
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
    let firstMonth = programme.visits.compactMap { $0.firstDay?.month }.min().map(Int.init) ?? 1
    let month = requested ?? firstMonth
    monthName = "Tháng \(month)/\(programme.year)"
    previous = month > 1 ? Self.link(id: id, month: month - 1) : nil
    next = month < 12 ? Self.link(id: id, month: month + 1) : nil
    let days = Dictionary(calendar.days.compactMap { day in day.date.map { (Self.key($0), day) } }, uniquingKeysWith: { first, _ in first })
    weeks = Self.weeks(year: Int(programme.year), month: month, days: days, visits: programme.visits)
    let teamNames = Dictionary((programme.input?.teams ?? []).map { ($0.teamId, $0.name) }, uniquingKeysWith: { first, _ in first })
    teams = Dictionary(grouping: programme.visits, by: \.teamId).sorted { $0.key < $1.key }.map { teamId, visits in
      Team(
        name: teamNames[teamId].flatMap { $0.isEmpty ? nil : $0 } ?? teamId,
        visits: visits.sorted { Self.key($0.firstDay) < Self.key($1.firstDay) }.map { visit in
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

  static func key(_ date: CalendarDate?) -> Int {
    guard let date else { return 0 }
    return Int(date.year) * 10_000 + Int(date.month) * 100 + Int(date.day)
  }

  /// The month's weeks, Monday first, with the days of the months beside it greyed.
  static func weeks(year: Int, month: Int, days: [Int: InspectionCalendarDay], visits: [InspectionVisit]) -> [Week] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
      let range = calendar.range(of: .day, in: .month, for: first)
    else { return [] }
    // Monday = 0 … Sunday = 6.
    let lead = (calendar.component(.weekday, from: first) + 5) % 7
    guard let start = calendar.date(byAdding: .day, value: -lead, to: first) else { return [] }
    let cells = ((lead + range.count + 6) / 7) * 7
    var weeks: [Week] = []
    var row: [Day] = []
    for offset in 0..<cells {
      guard let date = calendar.date(byAdding: .day, value: offset, to: start) else { continue }
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      let key = (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
      let day = days[key]
      let inMonth = parts.month == month
      let weekend = offset % 7 >= 5
      let working = day?.working ?? !weekend
      let here = inMonth && working ? visits.filter { self.key($0.firstDay) <= key && key <= self.key($0.lastDay) } : []
      row.append(
        Day(
          number: String(parts.day ?? 0), label: String(format: "%02d/%02d/%04d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0),
          inMonth: inMonth, working: working, holiday: day.flatMap { $0.name.isEmpty || $0.working ? nil : $0.name },
          visits: here.map { $0.unitName.isEmpty ? $0.unitCode : $0.unitName }))
      if row.count == 7 {
        weeks.append(Week(days: row))
        row = []
      }
    }
    return weeks
  }
}
