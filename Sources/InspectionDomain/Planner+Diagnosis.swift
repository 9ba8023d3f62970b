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

    var total = 0
    var counts = [Int](repeating: 0, count: RuleSet.reportOrder.count)
    for t in item.teams {
      for s in item.firstDay...item.lastStart {
        let broken = problem.violations(of: v, team: t, start: s, in: schedule)
        total += 1
        for (i, rule) in RuleSet.reportOrder.enumerated() where broken.contains(rule.0) { counts[i] += 1 }
      }
    }
    let winner =
      counts.indices.first { counts[$0] == total } ?? counts.indices.max { (counts[$0], -$0) < (counts[$1], -$1) }!
    let rule = RuleSet.reportOrder[winner].1
    let tally = RuleSet.reportOrder.indices.dropFirst().map { "\(Self.label(RuleSet.reportOrder[$0].1)) \(counts[$0])" }
    return UnplacedVisit(
      due: due, blockingRule: rule,
      explanation:
        "no free slot among \(total) (team, first day) pairs; slots excluded by \(tally.joined(separator: ", ")); \(Self.advice(rule))"
    )
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
    case .window, .ownUnit, .lengthLimit, .noTeam: "change the input"
    }
  }
}
