/// Where each visit of a ``PlanningProblem`` is, with the tallies the hard rules need kept up
/// to date on every change: each team's occupied days, its visits per month, its load.
struct Schedule: Sendable {
  /// First working day of each visit, -1 when unplaced.
  private(set) var start: [Int]
  /// Team of each visit, -1 when unplaced.
  private(set) var team: [Int]
  /// For team `t` and working day `d`, at `t * dayCount + d`: the visit occupying it, or -1.
  private(set) var occupant: [Int]
  /// For team `t` and month `m` (0–11), at `t * 12 + m`: visits starting in that month.
  private(set) var monthCount: [Int]
  /// Per team, working days occupied.
  private(set) var load: [Int]
  /// Σ risk × first working day over placed visits.
  private(set) var riskDelay = 0
  /// Visits placed.
  private(set) var placedCount = 0
  private let dayCount: Int

  /// An empty schedule for `problem`.
  init(_ problem: PlanningProblem) {
    dayCount = problem.dayCount
    start = [Int](repeating: -1, count: problem.items.count)
    team = start
    occupant = [Int](repeating: -1, count: problem.teamCount * problem.dayCount)
    monthCount = [Int](repeating: 0, count: problem.teamCount * 12)
    load = [Int](repeating: 0, count: problem.teamCount)
  }

  /// Whether visit `v` is placed.
  func isPlaced(_ v: Int) -> Bool { start[v] >= 0 }

  /// The visit team `t` makes on working day `d`, or -1.
  func occupant(team t: Int, day d: Int) -> Int { occupant[t * dayCount + d] }

  /// Visits team `t` starts in month `m` (0–11).
  func visits(team t: Int, month m: Int) -> Int { monthCount[t * 12 + m] }

  /// Places unplaced visit `v` with team `t` from working day `s`; the caller has checked
  /// the rules.
  mutating func place(_ v: Int, team t: Int, start s: Int, in problem: PlanningProblem) {
    precondition(start[v] < 0, "visit placed twice")
    let item = problem.items[v]
    start[v] = s
    team[v] = t
    for d in s..<(s + item.length) { occupant[t * dayCount + d] = v }
    monthCount[t * 12 + problem.monthOfDay[s]] += 1
    load[t] += item.length
    riskDelay += item.risk * s
    placedCount += 1
  }

  /// Takes placed visit `v` out.
  mutating func remove(_ v: Int, in problem: PlanningProblem) {
    let s = start[v]
    let t = team[v]
    precondition(s >= 0, "removing an unplaced visit")
    let item = problem.items[v]
    for d in s..<(s + item.length) { occupant[t * dayCount + d] = -1 }
    monthCount[t * 12 + problem.monthOfDay[s]] -= 1
    load[t] -= item.length
    riskDelay -= item.risk * s
    placedCount -= 1
    start[v] = -1
    team[v] = -1
  }

  /// Largest minus smallest team load.
  var loadSpread: Int {
    guard let high = load.max(), let low = load.min() else { return 0 }
    return high - low
  }

  /// Σ load², which falls as loads even out even when the spread stays.
  var loadSquares: Int { load.reduce(0) { $0 + $1 * $1 } }
}
