import ReformKit

extension Planner {
  /// Why unplaced visit `v` finds no slot in `schedule`: the blocking rule and a sentence with
  /// what stands in the way (see ``UnplacedVisit/blockingRule``).
  func diagnose(_ v: Int, _ schedule: Schedule, _ problem: PlanningProblem) -> UnplacedVisit {
    let item = problem.items[v]
    let due = item.due
    let teams = problem.input.teams
    if teams.isEmpty {
      return UnplacedVisit(due: due, blockingRule: .noTeam, explanation: "no team is given; add the teams to the input")
    }
    if item.teamMissing {
      return UnplacedVisit(
        due: due, blockingRule: .noTeam,
        explanation: "the required team \(due.teamID ?? "") is not among the input's teams")
    }
    if item.tooLong {
      let rules = problem.input.rules
      return UnplacedVisit(
        due: due, blockingRule: .lengthLimit,
        explanation:
          "the visit lasts \(item.length) working days; the rules allow at most \(rules.longestVisitDays) (\(rules.maxLengthDays) and an extension of \(rules.extensionBP) bp)"
      )
    }
    if item.teams.isEmpty {
      let code = due.unitCode.nfc
      let conflicts = teams.filter { due.teamID == nil || $0.teamID.nfc == due.teamID?.nfc }.map { team in
        let names = team.inspectors
          .filter { ([$0.homeUnitCode] + $0.conflictUnitCodes).contains { $0.nfc == code } }
          .map { "\($0.fullName) (\($0.inspectorID))" }
        return "team \(team.teamID) has \(names.joined(separator: ", "))"
      }
      return UnplacedVisit(
        due: due, blockingRule: .ownUnit,
        explanation:
          "every team that could go has an inspector from unit \(due.unitCode) or in conflict with it: \(conflicts.joined(separator: "; "))"
      )
    }
    if item.firstDay > item.lastStart {
      let available = max(0, item.lastDay - item.firstDay + 1)
      let window = due.window.map(\.description) ?? "the year"
      return UnplacedVisit(
        due: due, blockingRule: .window,
        explanation:
          "the window \(window) holds \(available) working days that may still be used; the visit needs \(item.length)")
    }

    // Rules that hold whatever the other visits do.
    var blackout = 0
    var leave = 0
    var total = 0
    var free = 0
    // Slots that only other visits stand in, per team: the Monday of each week they start in.
    var full: [Int: Set<CivilDate>] = [:]
    var dependent = [Int](repeating: 0, count: 3)
    for t in item.teams {
      let available = problem.teamAvailable[t]
      for s in item.firstDay...item.lastStart {
        total += 1
        let days = s..<(s + item.length)
        let blocked = days.contains { item.blocked[$0] }
        let away = days.contains { !available[$0] }
        if blocked { blackout += 1 }
        if away { leave += 1 }
        guard !blocked && !away else { continue }
        free += 1
        let broken = problem.violations(of: v, team: t, start: s, in: schedule)
        for (i, rule) in [RuleSet.teamBusy, .minGap, .monthlyCap].enumerated() where broken.contains(rule) {
          dependent[i] += 1
        }
        let first = problem.calendar.workingDays[s]
        full[t, default: []].insert(first.adding(days: 1 - first.weekday.rawValue))
      }
    }
    guard !full.isEmpty else {
      let rule: BlockingRule = blackout >= leave ? .blackout : .leave
      return UnplacedVisit(
        due: due, blockingRule: rule,
        explanation:
          "every one of the \(total) (team, first day) pairs is excluded whatever the other visits do: blackout \(blackout), leave \(leave); \(Self.advice(rule))"
      )
    }
    // A few teams and runs of weeks: a programme may hold thousands of unplaced visits, each
    // with this sentence.
    let teamsText = full.keys.sorted { teams[$0].teamID < teams[$1].teamID }.prefix(Self.teamsNamed).map {
      "\(teams[$0].teamID) (weeks of \(Self.weekRuns(full[$0]!)))"
    }
    let more = full.count > Self.teamsNamed ? " and \(full.count - Self.teamsNamed) more teams" : ""
    return UnplacedVisit(
      due: due, blockingRule: .noPlaceFound,
      explanation:
        "no place found within the planning budget: \(free) of \(total) (team, first day) pairs keep the window, blackouts and leave, and other visits stand in each (team busy \(dependent[0]), minimum gap \(dependent[1]), monthly cap \(dependent[2])); full: \(teamsText.joined(separator: "; "))\(more); \(Self.advice(.noPlaceFound))"
    )
  }

  /// The teams an explanation names at most, and the runs of weeks per team.
  static let teamsNamed = 5
  static let runsNamed = 4

  /// Weeks given by their Mondays, as runs: `2026-03-02…2026-03-16, 2026-05-04`; after
  /// ``runsNamed`` runs, how many more.
  static func weekRuns(_ mondays: Set<CivilDate>) -> String {
    var runs: [(first: CivilDate, last: CivilDate)] = []
    for monday in mondays.sorted() {
      if let last = runs.last?.last, last.adding(days: 7) == monday {
        runs[runs.count - 1].last = monday
      } else {
        runs.append((monday, monday))
      }
    }
    let named = runs.prefix(runsNamed).map { $0.first == $0.last ? "\($0.first)" : "\($0.first)…\($0.last)" }
    let more = runs.count > runsNamed ? " and \(runs.count - runsNamed) more runs" : ""
    return named.joined(separator: ", ") + more
  }

  /// The rule's name in an explanation.
  static func label(_ rule: BlockingRule) -> String {
    switch rule {
    case .window: "window"
    case .teamBusy: "team busy"
    case .ownUnit: "own unit"
    case .leave: "leave"
    case .blackout: "blackout"
    case .minGap: "minimum gap"
    case .monthlyCap: "monthly cap"
    case .lengthLimit: "length limit"
    case .noTeam: "no team"
    case .noPlaceFound: "no place found"
    }
  }

  /// What a person can do about `rule`.
  private static func advice(_ rule: BlockingRule) -> String {
    switch rule {
    case .blackout: "shorten a blackout or widen the window"
    case .leave: "move an inspector's leave, lower the inspectors required present, or widen the window"
    case .minGap: "space this unit's visits further apart or lower the minimum gap"
    case .monthlyCap: "raise the teams' monthly cap or widen the window"
    case .teamBusy: "add a team, shorten other visits, or widen the window"
    case .noPlaceFound: "give the planner a longer time limit, add a team, raise the monthly cap, or widen the window"
    case .window, .ownUnit, .lengthLimit, .noTeam: "change the input"
    }
  }
}
