/// A due visit the planner could not place, and why.
public struct UnplacedVisit: Sendable, Hashable {
  /// The visit due.
  public var due: VisitDue
  /// The rule that blocks it.
  ///
  /// Rules that exclude the visit whatever the other visits do come first: ``BlockingRule/noTeam``,
  /// ``BlockingRule/lengthLimit``, ``BlockingRule/ownUnit`` (every team has an inspector from the
  /// unit), ``BlockingRule/window`` (too few working days in it). Otherwise every remaining
  /// (team, first day) slot is tested against each rule on its own: the rule that excludes
  /// every slot by itself, or else the one that excludes the most, wins; ties go to blackout,
  /// leave, minimum gap, monthly cap, then team busy.
  public var blockingRule: BlockingRule
  /// A sentence a person can act on, with the count of slots each rule excludes.
  public var explanation: String

  /// An unplaced visit.
  public init(due: VisitDue, blockingRule: BlockingRule, explanation: String) {
    self.due = due
    self.blockingRule = blockingRule
    self.explanation = explanation
  }
}
