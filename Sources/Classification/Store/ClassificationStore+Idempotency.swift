import ClassificationDomain
import Foundation
import GRDB
import ReformKit
import ReformWire

extension ClassificationStore {
  /// The response stored for `key` by an earlier call, if any: read before any work, so that a
  /// repeat costs one lookup.
  func replay<Response: WireMessage>(_ key: IdempotencyKey?, as type: Response.Type) async throws -> Response? {
    guard let key else { return nil }
    return try await read { db in try Self.replay(key, as: type, in: db) }
  }

  /// The stored response for `key`; throws when the key was used for another request.
  static func replay<Response: WireMessage>(
    _ key: IdempotencyKey, as type: Response.Type, in db: Database
  ) throws -> Response? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT fingerprint, response FROM classification_idempotency WHERE method = ? AND key = ?",
        arguments: [key.method, key.key])
    else { return nil }
    let fingerprint: String = row["fingerprint"]
    guard fingerprint == key.fingerprint else {
      throw ClassificationRefusal(
        kind: .failedPrecondition, field: "idempotency_key",
        message: "\"\(key.key)\" was already used for a different request; use a new key")
    }
    let bytes: Data = row["response"]
    return try Response(wireBytes: [UInt8](bytes))
  }

  /// Stores `response` under `key` in the transaction that wrote it.
  static func remember<Response: WireMessage>(_ key: IdempotencyKey, response: Response, in db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO classification_idempotency (method, key, fingerprint, response, created_at)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [key.method, key.key, key.fingerprint, Data(try response.wireBytes()), millis(Date())])
  }
}
