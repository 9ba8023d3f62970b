/// How good a programme is, compared lexicographically: more visits placed, then riskier units
/// earlier (lower ``riskDelay``), then teams better balanced (lower ``loadSpread``).
public struct Objective: Sendable, Hashable {
  /// Due visits placed.
  public var placed: Int
  /// Due visits not placed.
  public var unplaced: Int
  /// Σ risk (basis points) × working-day index of the first day (from 0): lower means riskier
  /// units come earlier.
  public var riskDelay: Int
  /// Largest minus smallest team load, in working days.
  public var loadSpread: Int
  /// Each team's load, in the input's order of teams.
  public var teamLoads: [TeamLoad]
  /// A lower bound on ``riskDelay`` for the visits placed: each placed visit at the earliest
  /// first day that its window, blackouts, eligible teams and their inspectors' leave allow,
  /// ignoring every other visit.
  public var riskDelayLowerBound: Int

  /// An objective.
  public init(
    placed: Int, unplaced: Int, riskDelay: Int, loadSpread: Int, teamLoads: [TeamLoad], riskDelayLowerBound: Int
  ) {
    self.placed = placed
    self.unplaced = unplaced
    self.riskDelay = riskDelay
    self.loadSpread = loadSpread
    self.teamLoads = teamLoads
    self.riskDelayLowerBound = riskDelayLowerBound
  }

  /// How far ``riskDelay`` is above its lower bound, as a fraction of the bound (0 when the
  /// bound is reached or is 0).
  public var riskDelayGap: Double {
    riskDelayLowerBound > 0 ? Double(riskDelay - riskDelayLowerBound) / Double(riskDelayLowerBound) : 0
  }

  /// Whether this objective is better than `other`: placed first, then risk delay, then
  /// spread.
  public func isBetter(than other: Objective) -> Bool {
    (-placed, riskDelay, loadSpread) < (-other.placed, other.riskDelay, other.loadSpread)
  }
}
