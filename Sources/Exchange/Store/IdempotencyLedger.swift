import Foundation
import GRDB

/// The first answers to requests that carried an idempotency key, kept in
/// `exchange_idempotency` by method, acting unit and key.
///
/// A repeat with the same fingerprint gets the stored answer and writes nothing; the same key
/// with another request is refused (failed precondition) naming `idempotency_key`, since the key is
/// already bound to a different request. Both are asked inside the write transaction that would
/// otherwise write, so two processes racing with the same key cannot both write.
enum IdempotencyLedger {
  /// Who a key belongs to and what it was sent with.
  struct Claim: Sendable {
    var method: String
    var unitCode: String
    var key: String
    var fingerprint: Data
  }

  /// The stored answer to `claim`, nil when the key is new (or the claim has none).
  static func answer(_ claim: Claim?, _ db: Database) throws -> Data? {
    guard let claim, !claim.key.isEmpty else { return nil }
    guard
      let earlier = try IdempotencyRecord.fetchOne(
        db, key: ["method": claim.method, "unit_code": claim.unitCode, "idempotency_key": claim.key])
    else { return nil }
    guard earlier.fingerprint == claim.fingerprint else {
      throw ExchangeStoreRefusal(.failedPrecondition, 
        "idempotency_key", "\"\(claim.key)\" was already used for a different \(claim.method) request; use a new key for a new request")
    }
    return earlier.response
  }

  /// Keeps `response` as the answer to `claim`.
  static func remember(_ claim: Claim?, response: Data, nowUs: Int64, _ db: Database) throws {
    guard let claim, !claim.key.isEmpty else { return }
    var record = IdempotencyRecord(
      method: claim.method, unitCode: claim.unitCode, idempotencyKey: claim.key, fingerprint: claim.fingerprint,
      response: response, createdUs: nowUs)
    try record.insert(db)
  }
}
