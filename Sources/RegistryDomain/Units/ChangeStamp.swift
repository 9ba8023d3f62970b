import Foundation
import ReformKit

/// Who records a change, when, and why: the part of a history entry or a workflow transition
/// the caller supplies. The instant is passed in, never read from a clock, so that the domain
/// stays deterministic.
public struct ChangeStamp: Sendable, Hashable {
  /// Who records the change.
  public var actor: ActorRef
  /// When it is recorded (UTC).
  public var at: Date
  /// Why, in words; required where a rule says so (reopening a period).
  public var reason: String
  /// The decision the change rests on, if any.
  public var decision: SourceRef?

  /// Makes a stamp.
  public init(actor: ActorRef, at: Date, reason: String = "", decision: SourceRef? = nil) {
    self.actor = actor
    self.at = at
    self.reason = reason
    self.decision = decision
  }
}
