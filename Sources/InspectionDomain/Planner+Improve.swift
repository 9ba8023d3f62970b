import ReformKit

/// The improvement phase: a large-neighbourhood search after the construction and the local
/// search. Each iteration takes a part of the programme out and puts it back another way,
/// and keeps the result when the objective is no worse (more placed, then a lower risk
/// delay). Two kinds of part:
///
/// - **Room for an unplaced visit.** A slot it may take whatever the others do (window,
///   blackout, leave), the visits in that slot's way (the team's days, the unit's gap, the
///   team's monthly cap), and a few visits of other teams around it so that those taken out
///   have somewhere to go. The visit goes in first, the others after.
/// - **A stretch of the year.** The visits some teams start in a run of working days; put back
///   in an order that favours high risk per working day (the order that minimises the
///   weighted start on one team), slightly shuffled, each at its best slot.
///
/// The draws come from the input's seed, so the same input, seed and iteration budget give the
/// same programme; the deadline only cuts the search short.
extension Planner {
  /// Visits taken out at most in one neighbourhood.
  static let neighbourhoodLimit = 24
  /// The lengths, in working days, of the stretches taken out.
  static let stretchLengths = [5, 10, 20, 40]
  /// How many iterations back a result is compared with (late acceptance).
  static let historyLength = 50

  /// Iterations without a better programme after which the phase ends: it has settled.
  static func patience(_ problem: PlanningProblem) -> Int {
    max(50_000, 50 * problem.items.count)
  }

  /// Runs the improvement phase on `schedule` for at most ``improvementIterations``
  /// iterations, ending early at ``deadline`` or when ``isCancelled`` says so.
  func refine(_ schedule: inout Schedule, _ problem: PlanningProblem) {
    guard improvementIterations > 0, !problem.items.isEmpty, problem.teamCount > 0 else { return }
    var rng = SplitMix64(seed: problem.input.seed ^ 0x5EED_1A2B_3C4D_5E6F)
    let placeable = problem.items.indices.filter { v in
      let item = problem.items[v]
      return !item.tooLong && !item.teams.isEmpty && item.firstDay <= item.lastStart
    }
    // Late acceptance: a result no worse than the current one, or than the one current
    // `historyLength` iterations ago, becomes current; the best one seen is kept.
    func cost(_ schedule: Schedule) -> Cost {
      Cost(unplaced: problem.items.count - schedule.placedCount, riskDelay: schedule.riskDelay)
    }
    var current = schedule
    var history = [Cost](repeating: cost(schedule), count: Self.historyLength)
    var unplaced = placeable.filter { !current.isPlaced($0) }
    // An unplaced visit's open slots do not depend on the other visits: worked out once.
    var openSlots: [Int: [(team: Int, start: Int)]] = [:]
    var lastBetter = 0
    for iteration in 0..<improvementIterations {
      // Every iteration: one may cost a lot when thousands of visits are left out.
      if stopRequested() { break }
      if iteration - lastBetter > Self.patience(problem) { break }
      var trial = current
      let made: Bool
      if !unplaced.isEmpty, rng.index(4) != 0 {
        let v = unplaced[rng.index(unplaced.count)]
        if openSlots[v] == nil { openSlots[v] = problem.openSlots(of: v) }
        made = makeRoom(for: v, at: openSlots[v]!, in: &trial, problem, &rng)
      } else {
        made = reshuffleStretch(&trial, problem, &rng)
      }
      let back = iteration % Self.historyLength
      if made {
        for v in unplaced where !trial.isPlaced(v) {
          if let place = problem.bestPlacement(of: v, in: trial) {
            trial.place(v, team: place.team, start: place.start, in: problem)
          }
        }
        let trialCost = cost(trial)
        if trialCost <= cost(current) || trialCost <= history[back] {
          current = trial
          unplaced = placeable.filter { !current.isPlaced($0) }
          if trialCost < cost(schedule) {
            schedule = current
            lastBetter = iteration
          }
        }
      }
      history[back] = cost(current)
    }
  }

  /// What the improvement phase lowers: visits left out, then the risk delay.
  struct Cost: Comparable {
    var unplaced: Int
    var riskDelay: Int

    static func < (a: Cost, b: Cost) -> Bool { (a.unplaced, a.riskDelay) < (b.unplaced, b.riskDelay) }
  }

  /// Whether the deadline has passed or the caller gave up.
  func stopRequested() -> Bool {
    if let deadline, ContinuousClock.now >= deadline { return true }
    return isCancelled?() ?? false
  }

  /// Takes out what stands in the way of unplaced visit `v` at a slot drawn among its open
  /// `slots` (``PlanningProblem/openSlots(of:)``), places `v` there, and puts the others back.
  /// False when there is no such slot or `v` still does not fit there.
  private func makeRoom(
    for v: Int, at slots: [(team: Int, start: Int)], in schedule: inout Schedule, _ problem: PlanningProblem,
    _ rng: inout SplitMix64
  ) -> Bool {
    let item = problem.items[v]
    guard !slots.isEmpty else { return false }
    let (t, s) = slots[rng.index(slots.count)]
    var out: [Int] = []
    func takeOut(_ other: Int) {
      if other >= 0, other != v, !out.contains(other) { out.append(other) }
    }
    for d in s..<(s + item.length) { takeOut(schedule.occupant(team: t, day: d)) }
    problem.gapConflicts(v, start: s, in: schedule).forEach(takeOut)
    let month = problem.monthOfDay[s]
    let startingThatMonth = problem.items.indices.filter {
      $0 != v && schedule.team[$0] == t && problem.monthOfDay[schedule.start[$0]] == month
    }
    let stillThere = startingThatMonth.filter { !out.contains($0) }
    if stillThere.count >= problem.teamCap[t], !stillThere.isEmpty {
      takeOut(stillThere[rng.index(stillThere.count)])
    }
    // Around the slot, on a few other teams, so that what is taken out can move there.
    let around = max(0, s - 15)..<min(problem.dayCount, s + item.length + 15)
    for _ in 0..<min(2, problem.teamCount - 1) where out.count < Self.neighbourhoodLimit {
      let other = rng.index(problem.teamCount)
      for d in around where out.count < Self.neighbourhoodLimit {
        takeOut(schedule.occupant(team: other, day: d))
      }
    }
    for other in out { schedule.remove(other, in: problem) }
    guard problem.violations(of: v, team: t, start: s, in: schedule).isEmpty else { return false }
    schedule.place(v, team: t, start: s, in: problem)
    putBack(out, into: &schedule, problem, &rng)
    return true
  }

  /// Takes out the visits that a few teams start in a stretch of working days, and puts them
  /// back. False when the stretch holds none.
  private func reshuffleStretch(_ schedule: inout Schedule, _ problem: PlanningProblem, _ rng: inout SplitMix64)
    -> Bool
  {
    let length = Self.stretchLengths[rng.index(Self.stretchLengths.count)]
    let first = rng.index(problem.dayCount)
    let stretch = first..<min(problem.dayCount, first + length)
    let teamCount = 1 + rng.index(min(4, problem.teamCount))
    var teams: [Int] = []
    while teams.count < teamCount {
      let t = rng.index(problem.teamCount)
      if !teams.contains(t) { teams.append(t) }
    }
    var out: [Int] = []
    for t in teams {
      for d in stretch where out.count < Self.neighbourhoodLimit {
        let v = schedule.occupant(team: t, day: d)
        if v >= 0, schedule.start[v] == d { out.append(v) }
      }
    }
    guard !out.isEmpty else { return false }
    for v in out { schedule.remove(v, in: problem) }
    putBack(out, into: &schedule, problem, &rng)
    return true
  }

  /// Places `visits` again, each at its best slot, in the order of risk per working day with
  /// a little noise; those that find no slot stay out.
  private func putBack(
    _ visits: [Int], into schedule: inout Schedule, _ problem: PlanningProblem, _ rng: inout SplitMix64
  ) {
    let keyed = visits.map { v in
      let item = problem.items[v]
      let density = Double(item.risk) / Double(item.length)
      return (v, density * (1 + 0.3 * rng.unit()))
    }
    for (v, _) in keyed.sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }) {
      if let place = problem.bestPlacement(of: v, in: schedule) {
        schedule.place(v, team: place.team, start: place.start, in: problem)
      }
    }
  }
}
