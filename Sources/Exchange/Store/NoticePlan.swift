import ExchangeDomain
import ReformStore

/// A status notice to record, decided before the write transaction: the code, its detail and
/// officer, who records it, and the idempotency claim.
struct NoticePlan: Sendable {
  var code: NoticeCode
  var detail: String
  var staff: Staff?
  var principalId: String
  var displayName: String
  /// The unit recording it: the receiver (02–06, 15, 16) or the sender (13).
  var unitCode: String
  var claim: IdempotencyClaim?

  /// Who records the notice, at `microseconds`.
  func stamp(at microseconds: Int64) -> StoredStamp {
    StoredStamp(principalId: principalId, displayName: displayName, unitCode: unitCode, microseconds: microseconds)
  }
}
