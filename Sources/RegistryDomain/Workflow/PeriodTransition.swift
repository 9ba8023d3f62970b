import Foundation

/// One step of a unit's period through the workflow, as `IndicatorPeriodTransition` in
/// `indicator.proto`. Kept for ever: reopening an approved period leaves its trace here.
public struct PeriodTransition: Sendable, Hashable, Codable {
  /// The status before.
  public var from: PeriodStatus
  /// The status after.
  public var to: PeriodStatus
  /// Who made the step.
  public var actor: ActorRef
  /// When (UTC).
  public var at: Date
  /// Why: required when reopening.
  public var reason: String

  /// Makes a transition.
  public init(from: PeriodStatus, to: PeriodStatus, actor: ActorRef, at: Date, reason: String = "") {
    self.from = from
    self.to = to
    self.actor = actor
    self.at = at
    self.reason = reason
  }
}
