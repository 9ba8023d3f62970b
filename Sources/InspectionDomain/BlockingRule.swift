/// The hard rule that stops a visit from being placed, or that a placed visit no longer keeps
/// after a change.
public enum BlockingRule: Sendable, Hashable, CaseIterable {
  /// The window holds too few working days for the visit's length.
  case window
  /// Every team is busy with another visit on every slot that fits (one visit at a time).
  case teamBusy
  /// Every team that could go has an inspector from the unit (never inspect one's own unit).
  case ownUnit
  /// Inspectors' leave or unavailability leaves no slot.
  case leave
  /// Blackout periods leave no slot.
  case blackout
  /// The minimum gap after or before another visit to the same unit leaves no slot.
  case minGap
  /// Every team's monthly cap is reached in every month that fits.
  case monthlyCap
  /// The length exceeds the longest visit allowed, extension included.
  case lengthLimit
  /// No team exists, or the required team is unknown.
  case noTeam
  /// Slots exist that the window, blackouts and leave allow, but none was found free of the
  /// other visits within the planner's budget: another arrangement might make room. Only an
  /// unplaced visit is reported so; the rules above that depend on where other visits are
  /// (``teamBusy``, ``minGap``, ``monthlyCap``) name what a change breaks in a replan.
  case noPlaceFound
}
