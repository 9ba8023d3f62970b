import ReformKit

/// Why the ``Planner`` refused an input or a change: it names the field at fault, e.g.
/// `visitsDue[3].window`, and what to do about it.
public typealias PlanningError = RuleError<Planner>

/// Plans an annual programme of inspections and supervisions on a ``WorkingCalendar``, and
/// replans it after changes.
///
/// Every hard rule holds in every programme it returns: one visit at a time per team; no
/// inspector of the team from the unit visited (home unit or declared conflict); a visit on
/// consecutive working days inside its window; no working day of it in a blackout; enough
/// inspectors of the team present on each of its days (all of them by default); the minimum
/// gap between two visits to one unit; the team's monthly cap, counted in the month of each
/// visit's first day; the length limit.
///
/// Among programmes that keep them, it seeks, in this order: every visit placed; riskier units
/// earlier (``Objective/riskDelay``); teams evenly loaded (``Objective/loadSpread``). A greedy
/// construction places visits riskiest first (then tightest window, then id), each at its
/// earliest slot; a bounded local search then moves visits — taking out at most two others
/// that stand in the way and placing them again — only when the objective improves; an
/// improvement phase (``refine``, a large-neighbourhood search) then takes larger parts out and
/// puts them back, for as many iterations as it is given. Nothing depends on hashing, and time
/// only cuts the improvement phase short, so the same input, seed and iterations give the same
/// programme.
///
/// ## Topics
/// - ``plan(_:calendar:)``
/// - ``replan(_:changes:calendar:notBefore:)``
public struct Planner: Sendable {
  /// Rounds of local search after the greedy construction; 0 keeps the greedy programme.
  public var improvementRounds: Int
  /// Iterations of the improvement phase after the local search (see ``refine``); 0 skips it.
  /// The same input, seed and number give the same programme.
  public var improvementIterations: Int
  /// When the improvement phase stops, however many iterations are left: the wall-clock cap.
  public var deadline: ContinuousClock.Instant?
  /// Asked now and then during the improvement phase; `true` stops it.
  public var isCancelled: (@Sendable () -> Bool)?

  /// The iterations of the improvement phase the service runs, within its time budget.
  public static let defaultIterations = 200_000

  /// A planner that runs `improvementRounds` rounds of local search, then
  /// `improvementIterations` iterations of the improvement phase, stopping it at `deadline`.
  public init(
    improvementRounds: Int = 4, improvementIterations: Int = 0, deadline: ContinuousClock.Instant? = nil,
    isCancelled: (@Sendable () -> Bool)? = nil
  ) {
    self.improvementRounds = improvementRounds
    self.improvementIterations = improvementIterations
    self.deadline = deadline
    self.isCancelled = isCancelled
  }

  /// Visits taken out at most to make room for one.
  static let maxEjected = 2
  /// Slots tried per visit when making room by taking others out.
  static let ejectionAttempts = 6

  /// Plans `input` on `calendar`.
  ///
  /// - Throws: ``PlanningError`` when the input is malformed or not for the calendar's year.
  public func plan(_ input: PlanInput, calendar: WorkingCalendar) throws(PlanningError) -> Programme {
    try input.validate(for: calendar)
    let problem = PlanningProblem(input: input, calendar: calendar)
    var schedule = Schedule(problem)
    for v in problem.greedyOrder where !problem.items[v].tooLong {
      if let slot = problem.bestPlacement(of: v, in: schedule) {
        schedule.place(v, team: slot.team, start: slot.start, in: problem)
      }
    }
    improve(&schedule, problem)
    if improvementIterations > 0 {
      refine(&schedule, problem)
      improve(&schedule, problem)
    }
    return programme(from: schedule, problem)
  }

  /// The programme `schedule` describes, with each unplaced visit's blocking rule.
  func programme(from schedule: Schedule, _ problem: PlanningProblem) -> Programme {
    let visits = problem.items.indices.filter(schedule.isPlaced).map { v in
      visit(v, team: schedule.team[v], start: schedule.start[v], problem)
    }
    .sorted { ($0.firstDay, $0.teamID, $0.visitID) < ($1.firstDay, $1.teamID, $1.visitID) }
    let unplaced = problem.items.indices.filter { !schedule.isPlaced($0) }.map { diagnose($0, schedule, problem) }
    let loads = problem.input.teams.indices.map { t in
      TeamLoad(
        teamID: problem.input.teams[t].teamID,
        visits: problem.items.indices.filter { schedule.team[$0] == t }.count,
        workingDays: schedule.load[t])
    }
    let bound = problem.items.indices.filter(schedule.isPlaced).reduce(0) { sum, v in
      let item = problem.items[v]
      let earliest = item.teams.compactMap {
        problem.earliestStart(of: v, team: $0, in: schedule, ignoringOthers: true)
      }.min()
      // A visit begun before a replan's "today" may lie before any day still open.
      return sum + item.risk * min(earliest ?? schedule.start[v], schedule.start[v])
    }
    return Programme(
      year: problem.input.year, visits: visits, unplaced: unplaced,
      objective: Objective(
        placed: schedule.placedCount, unplaced: unplaced.count, riskDelay: schedule.riskDelay,
        loadSpread: schedule.loadSpread, teamLoads: loads, riskDelayLowerBound: bound),
      input: problem.input)
  }

  /// The ``Visit`` for visit `v` made by team `t` from working day `s`.
  func visit(_ v: Int, team t: Int, start s: Int, _ problem: PlanningProblem) -> Visit {
    let item = problem.items[v]
    let days = problem.calendar.workingDays
    return Visit(
      visitID: item.due.dueID, dueID: item.due.dueID, unitCode: item.due.unitCode, unitName: item.due.unitName,
      teamID: problem.input.teams[t].teamID, kind: item.due.kind, firstDay: days[s],
      lastDay: days[s + item.length - 1], workingDays: item.length, riskBP: item.risk, topic: item.due.topic)
  }
}
