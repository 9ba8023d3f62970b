import ReformKit

/// A ``PlanInput`` indexed for the search: working days as their index in the year, teams and
/// visits as their position in the input, units as numbers. Everything that does not depend on
/// where other visits go is computed here once.
struct PlanningProblem: Sendable {
  /// One visit due, indexed.
  struct Item: Sendable {
    /// The visit due.
    let due: VisitDue
    /// The unit's number.
    let unit: Int
    /// Working days.
    let length: Int
    /// Risk, basis points.
    let risk: Int
    /// The first and last working day the visit may occupy (window and earliest start);
    /// `lastDay < firstDay` when none.
    let firstDay: Int
    let lastDay: Int
    /// Teams allowed to go: the required one if any, less teams with an inspector from the unit.
    let teams: [Int]
    /// For each working day, whether a blackout bars visits to the unit.
    let blocked: [Bool]
    /// Whether the length exceeds the longest visit allowed.
    let tooLong: Bool
    /// Whether the required team does not exist.
    let teamMissing: Bool

    /// The latest first day that keeps the visit inside its window.
    var lastStart: Int { lastDay - length + 1 }
  }

  /// The input, as given.
  let input: PlanInput
  /// The calendar whose working days are numbered.
  let calendar: WorkingCalendar
  /// Working days in the year.
  let dayCount: Int
  /// Month (0–11) of each working day.
  let monthOfDay: [Int]
  /// Per team, the monthly cap.
  let teamCap: [Int]
  /// Per team, for each working day, whether enough of its inspectors are available.
  let teamAvailable: [[Bool]]
  /// Per team, a seeded rank that breaks ties between teams.
  let teamRank: [Int]
  /// The visits due, in input order.
  let items: [Item]
  /// Per unit, its visits.
  let itemsOfUnit: [[Int]]
  /// Minimum working days between two visits to a unit.
  let minGap: Int
  /// The earliest working day any visit may start (a replan's "today").
  let earliestDay: Int

  /// The number of teams.
  var teamCount: Int { input.teams.count }

  /// The indexed form of `input` on `calendar`; no visit starts before working day
  /// `earliestDay`.
  init(input: PlanInput, calendar: WorkingCalendar, earliestDay: Int = 0) {
    self.input = input
    self.calendar = calendar
    self.earliestDay = earliestDay
    let days = calendar.workingDays
    dayCount = days.count
    monthOfDay = days.map { $0.month - 1 }
    minGap = input.rules.minGapWorkingDays
    teamCap = input.teams.map { $0.maxVisitsPerMonth ?? input.rules.maxVisitsPerTeamPerMonth }

    var rng = SplitMix64(seed: input.seed)
    let order = rng.shuffled(Array(input.teams.indices))
    var rank = [Int](repeating: 0, count: input.teams.count)
    for (position, team) in order.enumerated() { rank[team] = position }
    teamRank = rank

    teamAvailable = input.teams.map { team in
      var present = [Int](repeating: team.inspectors.count, count: days.count)
      for inspector in team.inspectors {
        var away = [Bool](repeating: false, count: days.count)
        for period in inspector.unavailable {
          for day in Self.dayRange(period.dates, calendar) { away[day] = true }
        }
        for day in away.indices where away[day] { present[day] -= 1 }
      }
      let needed = input.rules.minInspectorsPresent ?? team.inspectors.count
      return present.map { $0 >= needed }
    }

    var unitNumbers: [String: Int] = [:]
    var itemsOfUnit: [[Int]] = []
    var blockedOfUnit: [[Bool]] = []
    var everywhere = [Bool](repeating: false, count: days.count)
    for blackout in input.blackouts where blackout.unitCodes.isEmpty {
      for day in Self.dayRange(blackout.dates, calendar) { everywhere[day] = true }
    }
    let teamUnits: [Set<String>] = input.teams.map { team in
      Set(team.inspectors.flatMap { [$0.homeUnitCode.nfc] + $0.conflictUnitCodes.map(\.nfc) })
    }
    let teamNumbers = Dictionary(
      input.teams.enumerated().map { ($1.teamID.nfc, $0) }, uniquingKeysWith: { first, _ in first })
    let longest = input.rules.longestVisitDays
    let riskOfUnit = Dictionary(
      input.risks.map { ($0.unitCode.nfc, $0.scoreBP) }, uniquingKeysWith: { first, _ in first })

    var items: [Item] = []
    for (index, due) in input.visitsDue.enumerated() {
      let code = due.unitCode.nfc
      let unit: Int
      if let known = unitNumbers[code] {
        unit = known
      } else {
        unit = itemsOfUnit.count
        unitNumbers[code] = unit
        itemsOfUnit.append([])
        var blocked = everywhere
        for blackout in input.blackouts where blackout.unitCodes.contains(where: { $0.nfc == code }) {
          for day in Self.dayRange(blackout.dates, calendar) { blocked[day] = true }
        }
        blockedOfUnit.append(blocked)
      }
      itemsOfUnit[unit].append(index)

      var first = earliestDay
      var last = days.count - 1
      if let window = due.window {
        first = max(first, calendar.firstWorkingIndex(onOrAfter: window.first))
        last = calendar.lastWorkingIndex(onOrBefore: window.last)
      }
      let required = due.teamID.map { teamNumbers[$0.nfc] }
      let candidates: [Int] =
        switch required {
        case .none: Array(input.teams.indices)
        case .some(.none): []
        case .some(.some(let team)): [team]
        }
      // Validation has made sure every visit has a length.
      let length = input.rules.length(of: due) ?? 1
      items.append(
        Item(
          due: due, unit: unit, length: length, risk: riskOfUnit[code] ?? 0,
          firstDay: first, lastDay: last,
          teams: candidates.filter { !teamUnits[$0].contains(code) },
          blocked: blockedOfUnit[unit], tooLong: length > longest,
          teamMissing: required == .some(.none)))
    }
    self.items = items
    self.itemsOfUnit = itemsOfUnit
  }

  /// The working-day indices inside `dates`, clamped to the year.
  static func dayRange(_ dates: CivilDateRange, _ calendar: WorkingCalendar) -> Range<Int> {
    let first = calendar.firstWorkingIndex(onOrAfter: dates.first)
    let last = calendar.lastWorkingIndex(onOrBefore: dates.last)
    return first <= last ? first..<(last + 1) : first..<first
  }

  /// The order the greedy construction places visits in: riskier first, then tighter windows
  /// (fewest spare working days), then by id.
  var greedyOrder: [Int] {
    items.indices.sorted { a, b in
      let x = items[a]
      let y = items[b]
      let slackX = x.lastStart - x.firstDay
      let slackY = y.lastStart - y.firstDay
      return (-x.risk, slackX, x.due.dueID) < (-y.risk, slackY, y.due.dueID)
    }
  }
}
