import Foundation

extension Planner {
  /// The problem the planner solves for `input` on `calendar`, as JSON for an exact solver
  /// outside Reform to solve again, with `hint` (a plan's placed visits) as a start: what the
  /// benchmark's reference (`Benchmarks/planner-reference/reference.py`) reads.
  ///
  /// Everything is indexed as the search indexes it: days are positions among the year's
  /// working days, teams and visits positions in the input. The object holds `dayCount`,
  /// `monthOfDay` (0–11 per working day), `minGap`, `teams` (each `id`, monthly `cap` and the
  /// `unavailable` days, when too few of its inspectors are present) and `visits` (each
  /// `dueID`, `unit` number, `length`, `risk`, the first and last allowed first day
  /// `firstDay` and `lastStart`, the `teams` allowed, the `blocked` days of its unit and
  /// whether it is `placeable` at all), and `hint`: per placed visit its `visit`, `team` and
  /// `start` indices. A visit may take no day that is blocked or on which its team is
  /// unavailable; the other rules (one visit at a time per team, the minimum gap, the monthly
  /// cap on first days) are the solver's to state.
  ///
  /// - Throws: ``PlanningError`` when the input is malformed or not for the calendar's year,
  ///   or when a visit of `hint` names a due visit or team the input lacks or starts on a day
  ///   that is not a working day (field `hint[i]`).
  public static func referenceModel(of input: PlanInput, calendar: WorkingCalendar, hint: [Visit]) throws(PlanningError)
    -> [UInt8]
  {
    try input.validate(for: calendar)
    let problem = PlanningProblem(input: input, calendar: calendar)
    let visitOfDue = Dictionary(
      problem.items.enumerated().map { ($1.due.dueID.nfc, $0) }, uniquingKeysWith: { first, _ in first })
    let teamOfID = Dictionary(
      input.teams.enumerated().map { ($1.teamID.nfc, $0) }, uniquingKeysWith: { first, _ in first })

    var slots: [ReferenceModel.Slot] = []
    for (i, visit) in hint.enumerated() {
      guard let v = visitOfDue[visit.dueID.nfc] else {
        throw PlanningError.invalid("hint[\(i)].dueID", "\(visit.dueID) is not a visit due of the input")
      }
      guard let t = teamOfID[visit.teamID.nfc] else {
        throw PlanningError.invalid("hint[\(i)].teamID", "\(visit.teamID) is not a team of the input")
      }
      guard let s = calendar.workingDayIndex(of: visit.firstDay) else {
        throw PlanningError.invalid("hint[\(i)].firstDay", "\(visit.firstDay) is not a working day")
      }
      slots.append(ReferenceModel.Slot(visit: v, team: t, start: s))
    }

    let model = ReferenceModel(
      dayCount: problem.dayCount, monthOfDay: problem.monthOfDay, minGap: problem.minGap,
      teams: input.teams.indices.map { t in
        ReferenceModel.Team(
          id: input.teams[t].teamID, cap: problem.teamCap[t],
          unavailable: problem.teamAvailable[t].indices.filter { !problem.teamAvailable[t][$0] })
      },
      visits: problem.items.map { item in
        ReferenceModel.Visit(
          dueID: item.due.dueID, unit: item.unit, length: item.length, risk: item.risk, firstDay: item.firstDay,
          lastStart: item.lastStart, teams: item.teams, blocked: item.blocked.indices.filter { item.blocked[$0] },
          placeable: !item.tooLong && !item.teams.isEmpty && item.firstDay <= item.lastStart)
      },
      hint: slots)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    do {
      return Array(try encoder.encode(model))
    } catch {
      preconditionFailure("integers, strings and arrays of them always encode: \(error)")
    }
  }
}

/// The JSON shape of ``Planner/referenceModel(of:calendar:hint:)``.
private struct ReferenceModel: Encodable {
  struct Team: Encodable {
    var id: String
    var cap: Int
    var unavailable: [Int]
  }

  struct Visit: Encodable {
    var dueID: String
    var unit, length, risk, firstDay, lastStart: Int
    var teams, blocked: [Int]
    var placeable: Bool
  }

  struct Slot: Encodable {
    var visit, team, start: Int
  }

  var dayCount: Int
  var monthOfDay: [Int]
  var minGap: Int
  var teams: [Team]
  var visits: [Visit]
  var hint: [Slot]
}
