import Crypto
import Foundation
import GRDB
import ReformKit

/// What makes a write safe to repeat: the caller's key, and a fingerprint of what was asked
/// (the method and the request without its key), kept in `registry_idempotency` with the
/// answer given.
///
/// Keys belong to their caller (the principal's id), so two clerks choosing the same key do
/// not meet. A repeat with the same fingerprint gets the stored answer and writes nothing; the
/// same key with another request is refused with `ALREADY_EXISTS` naming `idempotency_key`.
struct IdempotencyKey: Sendable {
  /// The longest key accepted, in UTF-8 bytes.
  static let maxBytes = 200

  var caller: String
  var key: String
  var method: String
  var fingerprint: [UInt8]

  /// The key of a request, or `nil` when it carries none.
  ///
  /// - Parameter unkeyedRequest: the request's encoding with its `idempotency_key` cleared.
  /// - Throws: ``IdempotencyKeyFailure`` for a key longer than ``maxBytes``.
  init?(caller: String, key: String, method: String, unkeyedRequest: [UInt8]) throws(IdempotencyKeyFailure) {
    guard !key.isEmpty else { return nil }
    guard key.utf8.count <= Self.maxBytes else {
      throw IdempotencyKeyFailure(kind: .invalidArgument, message: "is longer than \(Self.maxBytes) bytes; a UUID is enough")
    }
    self.caller = caller
    self.key = key
    self.method = method
    var hash = SHA256()
    hash.update(data: Array(method.utf8) + [0])
    hash.update(data: unkeyedRequest)
    fingerprint = Array(hash.finalize())
  }

  /// The answer stored for this key, or `nil` when the key is new.
  ///
  /// - Throws: ``IdempotencyKeyFailure`` (already exists) when the key answered another request.
  func storedAnswer(in db: Database) throws -> [UInt8]? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT method, fingerprint, response FROM registry_idempotency WHERE caller = ? AND key = ?",
        arguments: [caller, key])
    else { return nil }
    let storedMethod: String = row[0]
    let storedFingerprint: [UInt8] = Array(row[1] as Data)
    guard storedMethod == method, storedFingerprint == fingerprint else {
      throw IdempotencyKeyFailure(
        kind: .alreadyExists, message: "\"\(key)\" was used for another request (\(storedMethod)); use a new key for a new change")
    }
    return Array(row[2] as Data)
  }

  /// Keeps the answer given for this key.
  func store(answer: [UInt8], at now: Date, in db: Database) throws {
    try db.execute(
      sql: "INSERT INTO registry_idempotency (caller, key, method, fingerprint, response, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [caller, key, method, Data(fingerprint), Data(answer), now.timeIntervalSince1970])
  }
}
