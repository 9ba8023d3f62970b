import Foundation
import ReformModule
import ReformStore
import ReformWire
import RegistryDomain

/// A request that changes a unit already in the tree (update, move, close): it says why and on
/// whose decision, and may carry an idempotency key.
protocol UnitChangeRequest: IdempotentRequest {
  var reason: String { get }
  var decision: ReformWire.SourceRef? { get }
}

extension UpdateUnitRequest: UnitChangeRequest {}
extension MoveUnitRequest: UnitChangeRequest {}
extension CloseUnitRequest: UnitChangeRequest {}

/// What a change of a unit records besides the change itself: who made it, why, on whose
/// decision; and the request's idempotency claim. Made by ``JobContext/unitChange(_:)``.
struct UnitChange: Sendable {
  let actor: ActorRef
  let reason: String
  let decision: SourceRef?
  let key: IdempotencyClaim?

  /// The stamp of the change made at `time`.
  func stamp(at time: Date) -> ChangeStamp {
    ChangeStamp(actor: actor, at: time, reason: reason, decision: decision)
  }
}

extension JobContext {
  /// The caller's change of a unit: `reason` (at most ``TextLimit/long``) and `decision`
  /// checked in that order, then the idempotency key.
  func unitChange(_ request: some UnitChangeRequest) throws -> UnitChange {
    let reason = try TextLimit.long.checked(request.reason, field: "reason")
    let decision = try SourceRef.optional(request.decision, field: "decision")
    return UnitChange(actor: actor, reason: reason, decision: decision, key: try idempotency(request))
  }
}
