import ReformKit

extension Planner {
  /// Replans `programme` after `changes`, moving as few visits as it can.
  ///
  /// Every visit of the programme that still keeps every hard rule under the changed input
  /// stays exactly where it is; only the visits a change breaks, and the visits added or
  /// unplaced before, are placed again (greedily, into the room the kept visits leave). No
  /// local search runs, since it would move visits nothing forces to move.
  ///
  /// - Parameters:
  ///   - notBefore: "today": visits that began before it are kept as they were even if a
  ///     change breaks them, and no visit is placed to start before it. `nil` for none.
  /// - Throws: ``PlanningError``: ``DomainErrorKind/notFound`` for an inspector or a visit a
  ///   change names that does not exist, ``DomainErrorKind/alreadyExists`` for a visit
  ///   added twice, ``DomainErrorKind/failedPrecondition`` when a begun visit no longer
  ///   lies on working days of `calendar`, and any error of ``plan(_:calendar:)`` for the
  ///   changed input.
  public func replan(
    _ programme: Programme, changes: [ProgrammeChange], calendar: WorkingCalendar, notBefore: CivilDate? = nil
  ) throws(PlanningError) -> ReplanReport {
    var input = programme.input
    var cancelled: [String: String] = [:]
    var reasons: [String: String] = [:]
    for (i, change) in changes.enumerated() {
      switch change {
      case .leave(let inspectorID, let period):
        guard let (t, j) = input.inspectorPosition(inspectorID) else {
          throw PlanningError(
            .notFound, field: "changes[\(i)].leave.inspectorID", "no inspector \(inspectorID) in the programme's teams")
        }
        input.teams[t].inspectors[j].unavailable.append(period)
      case .unitAdded(let due, let risk):
        guard !input.visitsDue.contains(where: { $0.dueID.nfc == due.dueID.nfc }) else {
          throw PlanningError(
            .alreadyExists, field: "changes[\(i)].unitAdded.due.dueID", "\(due.dueID) is already in the programme")
        }
        input.visitsDue.append(due)
        reasons[due.dueID] = "unit \(due.unitCode) added"
        if let risk {
          input.risks.removeAll { $0.unitCode.nfc == risk.unitCode.nfc }
          input.risks.append(risk)
        }
      case .visitCancelled(let visitID, let reason):
        guard let index = input.visitsDue.firstIndex(where: { $0.dueID.nfc == visitID.nfc }) else {
          throw PlanningError(
            .notFound, field: "changes[\(i)].visitCancelled.visitID", "no visit \(visitID) in the programme")
        }
        cancelled[input.visitsDue[index].dueID.nfc] = reason
        input.visitsDue.remove(at: index)
      }
    }
    try input.validate(for: calendar)

    let today = notBefore.map { calendar.firstWorkingIndex(onOrAfter: $0) } ?? 0
    let problem = PlanningProblem(input: input, calendar: calendar, earliestDay: today)
    var schedule = Schedule(problem)
    let itemOfDue = Dictionary(
      problem.items.indices.map { (problem.items[$0].due.dueID.nfc, $0) }, uniquingKeysWith: { a, _ in a })
    let teamOfID = Dictionary(
      input.teams.indices.map { (input.teams[$0].teamID.nfc, $0) }, uniquingKeysWith: { a, _ in a })

    // Begun visits first, as they are; then the others, in date order, each kept if it still
    // keeps every rule with the visits kept before it.
    for (i, old) in programme.visits.enumerated() where cancelled[old.dueID.nfc] == nil {
      guard let begin = notBefore, old.firstDay < begin, let v = itemOfDue[old.dueID.nfc] else { continue }
      let length = problem.items[v].length
      guard let t = teamOfID[old.teamID.nfc], let s = calendar.workingDayIndex(of: old.firstDay),
        s + length <= problem.dayCount, calendar.workingDays[s + length - 1] == old.lastDay,
        (s..<(s + length)).allSatisfy({ schedule.occupant(team: t, day: $0) < 0 })
      else {
        throw PlanningError(
          .failedPrecondition, field: "programme.visits[\(i)]",
          "the begun visit \(old.visitID) (\(old.firstDay)–\(old.lastDay)) no longer lies on free working days of the calendar given"
        )
      }
      schedule.place(v, team: t, start: s, in: problem)
    }
    var broken: [String: String] = [:]
    for old in programme.visits where cancelled[old.dueID.nfc] == nil {
      guard let v = itemOfDue[old.dueID.nfc], !schedule.isPlaced(v) else { continue }
      if let problemFound = keepProblem(old, v, schedule, problem, teamOfID) {
        broken[old.visitID] = problemFound
      } else {
        schedule.place(
          v, team: teamOfID[old.teamID.nfc]!, start: calendar.workingDayIndex(of: old.firstDay)!, in: problem)
      }
    }
    placeWhatFits(&schedule, problem)
    let result = self.programme(from: schedule, problem)

    var moves: [VisitMove] = []
    for old in programme.visits {
      if let reason = cancelled[old.dueID.nfc] {
        moves.append(
          VisitMove(
            visitID: old.visitID, unitCode: old.unitCode, kind: .cancelled, before: old, after: nil, reason: reason))
      } else if let reason = broken[old.visitID] {
        let after = result.visit(old.visitID)
        moves.append(
          VisitMove(
            visitID: old.visitID, unitCode: old.unitCode, kind: after == nil ? .unplaced : .moved, before: old,
            after: after,
            reason: reason))
      }
    }
    let wasPlaced = Set(programme.visits.map(\.visitID))
    for visit in result.visits where !wasPlaced.contains(visit.visitID) {
      moves.append(
        VisitMove(
          visitID: visit.visitID, unitCode: visit.unitCode, kind: .added, before: nil, after: visit,
          reason: reasons[visit.visitID] ?? "placed now that room was found"))
    }
    moves.sort { $0.visitID < $1.visitID }
    let unchanged = programme.visits.count - moves.filter { $0.before != nil }.count
    return ReplanReport(programme: result, moves: moves, unchanged: unchanged)
  }

  /// Why the previous visit `old` (item `v`) cannot stay where it is given the visits already
  /// kept in `schedule`, or `nil` when it can.
  private func keepProblem(
    _ old: Visit, _ v: Int, _ schedule: Schedule, _ problem: PlanningProblem, _ teamOfID: [String: Int]
  ) -> String? {
    let item = problem.items[v]
    guard let t = teamOfID[old.teamID.nfc] else { return "team \(old.teamID) no longer exists" }
    guard item.teams.contains(t) else {
      return item.teamMissing || item.due.teamID != nil
        ? "the visit now requires team \(item.due.teamID ?? "")"
        : "team \(old.teamID) now has an inspector from unit \(old.unitCode)"
    }
    guard item.length == old.workingDays else { return "the visit now lasts \(item.length) working days" }
    guard !item.tooLong else { return "the visit exceeds the length limit" }
    guard let s = problem.calendar.workingDayIndex(of: old.firstDay), s + item.length <= problem.dayCount,
      problem.calendar.workingDays[s + item.length - 1] == old.lastDay
    else { return "its days are no longer consecutive working days" }
    let broken = problem.violations(of: v, team: t, start: s, in: schedule)
    guard let rule = broken.first else { return nil }
    return reason(rule, v, team: t, start: s, problem)
  }

  /// A sentence naming what breaks `rule` for visit `v` with team `t` from working day `s`.
  private func reason(_ rule: BlockingRule, _ v: Int, team t: Int, start s: Int, _ problem: PlanningProblem) -> String {
    let item = problem.items[v]
    let days = problem.calendar.workingDays
    let span = CivilDateRange(first: days[s], last: days[s + item.length - 1])!
    switch rule {
    case .leave:
      let team = problem.input.teams[t]
      let away = team.inspectors.compactMap { inspector -> String? in
        guard let period = inspector.unavailable.first(where: { $0.dates.overlaps(span) }) else { return nil }
        let why = period.reason.isEmpty ? "" : " (\(period.reason))"
        return "inspector \(inspector.fullName) (\(inspector.inspectorID)) unavailable \(period.dates)\(why)"
      }
      return away.joined(separator: "; ")
    case .blackout:
      let code = item.due.unitCode.nfc
      let blackout = problem.input.blackouts.first { blackout in
        (blackout.unitCodes.isEmpty || blackout.unitCodes.contains { $0.nfc == code }) && blackout.dates.overlaps(span)
      }
      return "blackout \(blackout.map { "\($0.dates) \($0.reason)" } ?? "") during \(span)"
    case .window:
      return "\(span) is outside the window \(item.due.window.map(\.description) ?? "of the year")"
    default:
      return "\(Self.label(rule)) rule broken at \(span)"
    }
  }
}

extension PlanInput {
  /// The team and position of inspector `inspectorID`, if any.
  func inspectorPosition(_ inspectorID: String) -> (team: Int, inspector: Int)? {
    let id = inspectorID.nfc
    for (t, team) in teams.enumerated() {
      if let j = team.inspectors.firstIndex(where: { $0.inspectorID.nfc == id }) { return (t, j) }
    }
    return nil
  }
}
