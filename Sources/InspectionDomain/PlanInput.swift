/// Everything the ``Planner`` needs for one year's programme.
///
/// ## Topics
/// - ``generated(units:teams:seed:year:)``
public struct PlanInput: Sendable, Hashable {
  /// The programme's year; the ``WorkingCalendar`` planned on must be of this year.
  public var year: Int
  /// The visits to place.
  public var visitsDue: [VisitDue]
  /// The teams that may do them.
  public var teams: [Team]
  /// Periods without visits.
  public var blackouts: [Blackout]
  /// The rules.
  public var rules: PlanningRules
  /// Given risks, one per unit at most; units without one have risk 0.
  public var risks: [UnitRisk]
  /// Seed for tie-breaking: the same input and seed give the same programme.
  public var seed: UInt64

  /// A planning input.
  public init(
    year: Int, visitsDue: [VisitDue], teams: [Team], blackouts: [Blackout] = [],
    rules: PlanningRules = PlanningRules(), risks: [UnitRisk] = [], seed: UInt64 = 0
  ) {
    self.year = year
    self.visitsDue = visitsDue
    self.teams = teams
    self.blackouts = blackouts
    self.rules = rules
    self.risks = risks
    self.seed = seed
  }
}
