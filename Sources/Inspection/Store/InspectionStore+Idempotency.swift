import Foundation
import GRDB
import ReformWire

extension InspectionStore {
  func replay<Response: WireMessage>(_ key: IdempotencyKey, as type: Response.Type) async throws -> Response? {
    let bytes = try await reading { db in try Self.replay(key, in: db) }
    return try bytes.map { bytes in try Self.decode(Response.self, bytes, what: "answer to \(key.method)") }
  }

  /// The stored answer for `key` within a transaction.
  static func replay(_ key: IdempotencyKey, in db: Database) throws -> Data? {
    guard let record = try IdempotencyRecord.fetchOne(db, key: ["method": key.method, "key": key.key]) else {
      return nil
    }
    guard record.fingerprint == Data(key.fingerprint) else {
      throw InspectionStoreRefusal(
        kind: .alreadyExists, field: "idempotency_key",
        message: "\(key.key) was used for a different \(key.method) request; use a new key for a new request")
    }
    return record.response
  }

  /// Stores `response` as the answer to the request `key` identifies.
  static func remember(_ key: IdempotencyKey, response: [UInt8], at date: Date, in db: Database) throws {
    try IdempotencyRecord(
      method: key.method, key: key.key, fingerprint: Data(key.fingerprint), response: Data(response), createdAt: date
    ).insert(db)
  }
}
