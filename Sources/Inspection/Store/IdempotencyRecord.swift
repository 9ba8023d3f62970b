import Foundation
import GRDB

/// The first answer to a request that carried an idempotency key: a row of
/// `inspection_idempotency`.
struct IdempotencyRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "inspection_idempotency"
  static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The method's name, e.g. `Plan`: keys are per method.
  var method: String
  var key: String
  /// ``RequestFingerprint`` of the request's wire bytes.
  var fingerprint: Data
  /// The response's wire bytes.
  var response: Data
  var createdAt: Date
}
