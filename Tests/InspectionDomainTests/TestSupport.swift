import InspectionDomain
import ReformKit

/// The date `year`-`month`-`day`, which the test knows to exist.
func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
  guard let date = CivilDate(year: year, month: month, day: day) else {
    preconditionFailure("no such date \(year)-\(month)-\(day)")
  }
  return date
}

/// The days from `first` through `last`.
func span(_ first: CivilDate, _ last: CivilDate) -> CivilDateRange {
  guard let range = CivilDateRange(first: first, last: last) else {
    preconditionFailure("\(last) is before \(first)")
  }
  return range
}

/// The 2026 calendar with the built-in notice, as most planner tests use it.
func calendar2026() throws -> WorkingCalendar {
  try WorkingCalendar(year: 2026, notice: .vietnam2026)
}

/// An inspector from `home` (default: the commission's office, never a unit visited).
func inspector(_ id: String, home: String = "UBKT", conflicts: [String] = [], away: [CivilDateRange] = []) -> Inspector
{
  Inspector(
    inspectorID: id, fullName: "Cán bộ \(id)", homeUnitCode: home, conflictUnitCodes: conflicts,
    unavailable: away.map { Unavailability(dates: $0, reason: "nghỉ phép") })
}

/// A team of the given inspectors.
func team(_ id: String, _ inspectors: [Inspector], cap: Int? = nil) -> Team {
  Team(teamID: id, name: "Đoàn \(id)", inspectors: inspectors, maxVisitsPerMonth: cap)
}

/// A programmed inspection of `unit`.
func due(
  _ id: String, unit: String, length: Int? = 5, window: CivilDateRange? = nil, team: String? = nil,
  kind: VisitKind = .programmed, members: Int? = nil
) -> VisitDue {
  VisitDue(
    dueID: id, unitCode: unit, unitName: "Chi bộ \(unit)", kind: kind, lengthDays: length, unitMemberCount: members,
    window: window, teamID: team, topic: "Cải cách hành chính")
}
