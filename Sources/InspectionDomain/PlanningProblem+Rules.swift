/// The hard rules that depend on a slot, as a set, so that one test reports every rule a
/// (team, first day) slot breaks.
struct RuleSet: OptionSet, Sendable {
  let rawValue: Int
  static let window = RuleSet(rawValue: 1 << 0)
  static let blackout = RuleSet(rawValue: 1 << 1)
  static let leave = RuleSet(rawValue: 1 << 2)
  static let teamBusy = RuleSet(rawValue: 1 << 3)
  static let minGap = RuleSet(rawValue: 1 << 4)
  static let monthlyCap = RuleSet(rawValue: 1 << 5)

  /// The rules as reported, in the order that breaks ties between them: first those that hold
  /// whatever the other visits do, then those that depend on them.
  static let reportOrder: [(RuleSet, BlockingRule)] = [
    (.window, .window), (.blackout, .blackout), (.leave, .leave), (.minGap, .minGap),
    (.monthlyCap, .monthlyCap), (.teamBusy, .teamBusy),
  ]

  /// The first rule of the set in ``reportOrder``.
  var first: BlockingRule? {
    Self.reportOrder.first { contains($0.0) }?.1
  }
}

extension PlanningProblem {
  /// Every rule broken by putting visit `v` with team `t` from working day `s`, given where the
  /// other visits are in `schedule` (`v`'s own place, if any, is ignored). The team is assumed
  /// eligible (required team, no inspector from the unit).
  func violations(of v: Int, team t: Int, start s: Int, in schedule: Schedule) -> RuleSet {
    let item = items[v]
    guard s >= item.firstDay, s <= item.lastStart else { return .window }
    var broken: RuleSet = []
    let available = teamAvailable[t]
    for d in s..<(s + item.length) {
      if item.blocked[d] { broken.insert(.blackout) }
      if !available[d] { broken.insert(.leave) }
      let other = schedule.occupant(team: t, day: d)
      if other >= 0 && other != v { broken.insert(.teamBusy) }
    }
    if !gapHolds(v, start: s, in: schedule) { broken.insert(.minGap) }
    var started = schedule.visits(team: t, month: monthOfDay[s])
    if schedule.team[v] == t && monthOfDay[schedule.start[v]] == monthOfDay[s] { started -= 1 }
    if started >= teamCap[t] { broken.insert(.monthlyCap) }
    return broken
  }

  /// Whether visit `v` from working day `s` keeps the minimum gap to every other placed visit
  /// to its unit (before and after it).
  func gapHolds(_ v: Int, start s: Int, in schedule: Schedule) -> Bool {
    let item = items[v]
    let end = s + item.length - 1
    for other in itemsOfUnit[item.unit] where other != v && schedule.isPlaced(other) {
      let otherStart = schedule.start[other]
      let otherEnd = otherStart + items[other].length - 1
      // Working days strictly between the two must be at least minGap, whichever comes first.
      if !(otherEnd + minGap < s || end + minGap < otherStart) { return false }
    }
    return true
  }

  /// The visits of the same unit as `v` whose gap to `v` at working day `s` is too short.
  func gapConflicts(_ v: Int, start s: Int, in schedule: Schedule) -> [Int] {
    let item = items[v]
    let end = s + item.length - 1
    return itemsOfUnit[item.unit].filter { other in
      guard other != v, schedule.isPlaced(other) else { return false }
      let otherStart = schedule.start[other]
      let otherEnd = otherStart + items[other].length - 1
      return !(otherEnd + minGap < s || end + minGap < otherStart)
    }
  }

  /// The (team, first day) slots of visit `v` that the rules holding whatever the other visits
  /// do allow — window, blackouts, the team's leave — by team, then day.
  func openSlots(of v: Int) -> [(team: Int, start: Int)] {
    let item = items[v]
    guard item.firstDay <= item.lastStart else { return [] }
    var slots: [(team: Int, start: Int)] = []
    for t in item.teams {
      let available = teamAvailable[t]
      var run = 0
      for d in item.firstDay..<(item.lastStart + item.length) {
        run = available[d] && !item.blocked[d] ? run + 1 : 0
        if run >= item.length { slots.append((t, d - item.length + 1)) }
      }
    }
    return slots
  }

  /// The earliest first day at which team `t` can make visit `v` given `schedule`, not later
  /// than `latest`; with `ignoringOthers`, only the rules that do not depend on other visits
  /// count (window, blackout, leave).
  func earliestStart(of v: Int, team t: Int, in schedule: Schedule, latest: Int = .max, ignoringOthers: Bool = false)
    -> Int?
  {
    let item = items[v]
    let n = item.length
    let lastStart = min(item.lastStart, latest)
    guard item.firstDay <= lastStart else { return nil }
    let available = teamAvailable[t]
    let cap = teamCap[t]
    var run = 0
    for d in item.firstDay...(lastStart + n - 1) {
      let free = available[d] && !item.blocked[d] && (ignoringOthers || schedule.occupant(team: t, day: d) < 0)
      run = free ? run + 1 : 0
      guard run >= n else { continue }
      let s = d - n + 1
      if ignoringOthers { return s }
      if schedule.visits(team: t, month: monthOfDay[s]) < cap && gapHolds(v, start: s, in: schedule) {
        return s
      }
    }
    return nil
  }

  /// The best place for unplaced visit `v` among `teams` (default: its eligible teams): for a
  /// risky unit the earliest first day, then the least loaded team; for a unit of risk 0 the
  /// least loaded team, then the earliest day. Ties go to the seeded team rank.
  func bestPlacement(of v: Int, in schedule: Schedule, teams: [Int]? = nil, latest: Int = .max) -> (
    team: Int, start: Int
  )? {
    let item = items[v]
    var best: (team: Int, start: Int)?
    var latest = latest
    for t in teams ?? item.teams {
      guard let s = earliestStart(of: v, team: t, in: schedule, latest: latest) else { continue }
      if let current = best {
        let better =
          item.risk > 0
          ? (s, schedule.load[t], teamRank[t]) < (current.start, schedule.load[current.team], teamRank[current.team])
          : (schedule.load[t], s, teamRank[t]) < (schedule.load[current.team], current.start, teamRank[current.team])
        if better { best = (t, s) }
      } else {
        best = (t, s)
      }
      // A risky unit never gains from a later day, so later teams need not look past it.
      if item.risk > 0, let found = best { latest = found.start }
    }
    return best
  }
}
