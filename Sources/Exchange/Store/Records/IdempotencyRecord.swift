import Foundation
import GRDB

/// A row of `exchange_idempotency`: the first answer to a request that carried an idempotency
/// key, by method and acting unit, with the request's fingerprint.
struct IdempotencyRecord: ExchangeRecord {
  static let databaseTableName = "exchange_idempotency"

  /// The method's name, e.g. `Send`.
  var method: String
  var unitCode: String
  var idempotencyKey: String
  var fingerprint: Data
  /// The wire bytes of the answer.
  var response: Data
  var createdUs: Int64
}
