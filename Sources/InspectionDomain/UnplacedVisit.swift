/// A due visit the planner could not place, and why.
public struct UnplacedVisit: Sendable, Hashable {
  /// The visit due.
  public var due: VisitDue
  /// The rule that blocks it.
  ///
  /// Rules that exclude the visit whatever the other visits do come first: ``BlockingRule/noTeam``,
  /// ``BlockingRule/lengthLimit``, ``BlockingRule/ownUnit`` (every team has an inspector from the
  /// unit), ``BlockingRule/window`` (too few working days in it). Otherwise every remaining
  /// (team, first day) slot is tested against the rules that hold whatever the other visits
  /// do: when blackouts and leave exclude every slot, the one of them that excludes more
  /// (blackout on a tie). When some slot is left that only other visits stand in, the rule is
  /// ``BlockingRule/noPlaceFound`` and the explanation names the teams and weeks that were
  /// full — never a rule that another arrangement of the other visits could satisfy.
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
