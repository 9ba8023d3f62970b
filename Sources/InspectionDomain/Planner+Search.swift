extension Planner {
  /// Improves `schedule` by local search, keeping every hard rule: rounds of placing the
  /// unplaced (making room where needed), moving risky visits earlier, and evening out the
  /// teams' loads, until a round changes nothing or ``improvementRounds`` are done.
  func improve(_ schedule: inout Schedule, _ problem: PlanningProblem) {
    for _ in 0..<improvementRounds {
      let before = (schedule.placedCount, schedule.riskDelay, schedule.loadSpread, schedule.loadSquares)
      placeUnplaced(&schedule, problem)
      advanceRiskyVisits(&schedule, problem)
      balanceLoads(&schedule, problem)
      if before == (schedule.placedCount, schedule.riskDelay, schedule.loadSpread, schedule.loadSquares) { break }
    }
    placeWhatFits(&schedule, problem)
  }

  /// Places every unplaced visit that fits as the schedule stands, in greedy order.
  func placeWhatFits(_ schedule: inout Schedule, _ problem: PlanningProblem) {
    for v in problem.greedyOrder where !schedule.isPlaced(v) && !problem.items[v].tooLong {
      if let slot = problem.bestPlacement(of: v, in: schedule) {
        schedule.place(v, team: slot.team, start: slot.start, in: problem)
      }
    }
  }

  /// Places unplaced visits, taking out up to ``maxEjected`` visits in the way when they can
  /// all be placed again.
  private func placeUnplaced(_ schedule: inout Schedule, _ problem: PlanningProblem) {
    for v in problem.greedyOrder where !schedule.isPlaced(v) && !problem.items[v].tooLong {
      if let slot = problem.bestPlacement(of: v, in: schedule) {
        schedule.place(v, team: slot.team, start: slot.start, in: problem)
        continue
      }
      for slot in ejectionSlots(for: v, in: schedule, problem) {
        if let trial = ejecting(v, team: slot.team, start: slot.start, from: schedule, problem),
          trial.placedCount > schedule.placedCount
        {
          schedule = trial
          break
        }
      }
    }
  }

  /// Moves visits of risky units to an earlier first day, directly or by taking out visits in
  /// the way, whenever the total risk delay falls and nothing is left unplaced.
  private func advanceRiskyVisits(_ schedule: inout Schedule, _ problem: PlanningProblem) {
    for v in problem.greedyOrder where schedule.isPlaced(v) && problem.items[v].risk > 0 {
      let (t0, s0) = (schedule.team[v], schedule.start[v])
      guard s0 > problem.items[v].firstDay else { continue }
      schedule.remove(v, in: problem)
      if let slot = problem.bestPlacement(of: v, in: schedule, latest: s0 - 1) {
        schedule.place(v, team: slot.team, start: slot.start, in: problem)
        continue
      }
      schedule.place(v, team: t0, start: s0, in: problem)
      for slot in ejectionSlots(for: v, in: schedule, problem, latest: s0 - 1) {
        if let trial = ejecting(v, team: slot.team, start: slot.start, from: schedule, problem),
          trial.placedCount == schedule.placedCount, trial.riskDelay < schedule.riskDelay
        {
          schedule = trial
          break
        }
      }
    }
  }

  /// Moves visits from the most loaded teams to lighter ones, never to a later first day for a
  /// risky unit, while the spread of loads (then the sum of their squares) falls.
  private func balanceLoads(_ schedule: inout Schedule, _ problem: PlanningProblem) {
    guard problem.teamCount > 1 else { return }
    // Each step strictly lowers (spread, Σ load²), so the loop ends; the bound keeps it short.
    for _ in 0..<min(problem.items.count, 400) {
      guard let move = balancingMove(schedule, problem) else { return }
      schedule.remove(move.visit, in: problem)
      schedule.place(move.visit, team: move.team, start: move.start, in: problem)
    }
  }

  /// The first move of a visit off one of the three heaviest teams that lowers
  /// (spread, Σ load²) without raising the risk delay.
  private func balancingMove(_ schedule: Schedule, _ problem: PlanningProblem) -> (visit: Int, team: Int, start: Int)? {
    let load = schedule.load
    let byLoad = problem.input.teams.indices.sorted {
      (-load[$0], problem.teamRank[$0]) < (-load[$1], problem.teamRank[$1])
    }
    let current = (schedule.loadSpread, schedule.loadSquares)
    for heavy in byLoad.prefix(3) {
      let visits = problem.items.indices.filter { schedule.team[$0] == heavy }
      for v in visits {
        let item = problem.items[v]
        let latest = item.risk > 0 ? schedule.start[v] : .max
        for light in byLoad.reversed() where load[light] + item.length < load[heavy] && item.teams.contains(light) {
          var moved = load
          moved[heavy] -= item.length
          moved[light] += item.length
          let after = (moved.max()! - moved.min()!, moved.reduce(0) { $0 + $1 * $1 })
          guard after < current else { continue }
          // The visit is on another team, so its own days do not stand in the way on `light`.
          if let s = problem.earliestStart(of: v, team: light, in: schedule, latest: latest) {
            return (v, light, s)
          }
        }
      }
    }
    return nil
  }

  /// Slots for visit `v` (first day not after `latest`) free of blackouts and leave where at
  /// most ``maxEjected`` visits of the team stand in the way: fewest in the way first, then
  /// earliest, at most ``ejectionAttempts`` of them. Whether taking them out is enough (gap,
  /// monthly cap) is for ``ejecting(_:team:start:from:_:)`` to find out.
  private func ejectionSlots(for v: Int, in schedule: Schedule, _ problem: PlanningProblem, latest: Int = .max) -> [(
    team: Int, start: Int
  )] {
    let item = problem.items[v]
    let lastStart = min(item.lastStart, latest)
    guard item.firstDay <= lastStart else { return [] }
    var best: [(inTheWay: Int, start: Int, rank: Int, team: Int)] = []
    var inTheWay: [Int] = []
    inTheWay.reserveCapacity(Self.maxEjected + 1)
    for t in item.teams {
      let available = problem.teamAvailable[t]
      slots: for s in item.firstDay...lastStart {
        inTheWay.removeAll(keepingCapacity: true)
        for d in s..<(s + item.length) {
          guard available[d] && !item.blocked[d] else { continue slots }
          let other = schedule.occupant(team: t, day: d)
          if other >= 0 && other != v && !inTheWay.contains(other) {
            inTheWay.append(other)
            if inTheWay.count > Self.maxEjected { continue slots }
          }
        }
        let slot = (inTheWay.count, s, problem.teamRank[t], t)
        if best.count == Self.ejectionAttempts {
          guard let worst = best.last, (slot.0, slot.1, slot.2) < (worst.inTheWay, worst.start, worst.rank) else {
            continue
          }
          best.removeLast()
        }
        let at = best.firstIndex { (slot.0, slot.1, slot.2) < ($0.inTheWay, $0.start, $0.rank) } ?? best.count
        best.insert(slot, at: at)
      }
    }
    return best.map { ($0.team, $0.start) }
  }

  /// A copy of `schedule` with visit `v` made by team `t` from working day `s`: the visits in
  /// its way (same team's days, too short a gap to its unit, the team's monthly cap) taken out
  /// and placed again at their best. `nil` when more than ``maxEjected`` stand in the way, or
  /// one of them finds no place again.
  private func ejecting(_ v: Int, team t: Int, start s: Int, from schedule: Schedule, _ problem: PlanningProblem)
    -> Schedule?
  {
    let item = problem.items[v]
    var out: [Int] = []
    func takeOut(_ other: Int) {
      if other != v && !out.contains(other) { out.append(other) }
    }
    for d in s..<(s + item.length) where schedule.occupant(team: t, day: d) >= 0 {
      takeOut(schedule.occupant(team: t, day: d))
    }
    problem.gapConflicts(v, start: s, in: schedule).forEach(takeOut)
    let month = problem.monthOfDay[s]
    let startingThatMonth = { (other: Int) in
      schedule.team[other] == t && problem.monthOfDay[schedule.start[other]] == month
    }
    var started = schedule.visits(team: t, month: month) - out.filter(startingThatMonth).count
    if startingThatMonth(v) { started -= 1 }
    if started >= problem.teamCap[t] {
      // One more of that month's visits must go: the least risky, so the least delay is lost.
      let candidates = problem.items.indices.filter { $0 != v && !out.contains($0) && startingThatMonth($0) }
      guard let cheapest = candidates.min(by: { (problem.items[$0].risk, $0) < (problem.items[$1].risk, $1) }) else {
        return nil
      }
      out.append(cheapest)
    }
    guard !out.isEmpty, out.count <= Self.maxEjected else { return nil }

    var trial = schedule
    if trial.isPlaced(v) { trial.remove(v, in: problem) }
    out.forEach { trial.remove($0, in: problem) }
    guard problem.violations(of: v, team: t, start: s, in: trial).isEmpty else { return nil }
    trial.place(v, team: t, start: s, in: problem)
    for other in out.sorted(by: { (-problem.items[$0].risk, $0) < (-problem.items[$1].risk, $1) }) {
      guard let slot = problem.bestPlacement(of: other, in: trial) else { return nil }
      trial.place(other, team: slot.team, start: slot.start, in: problem)
    }
    return trial
  }
}
