import Crypto
import ReformKit

/// A write's idempotency key as a request brings it: whose key it is, the method it was sent
/// to, and the fingerprint of what was asked, which ``IdempotencyLedger`` checks and keeps.
///
/// A handler makes one from the request (its encoding with the key cleared, so that only what
/// the caller asked for is fingerprinted) and hands it to its store's write:
///
/// ```swift
/// var keyless = request
/// keyless.idempotencyKey = ""
/// let claim = try IdempotencyClaim(method: "Send", scope: acting.unitCode, key: request.idempotencyKey,
///                                  request: try keyless.wireBytes())
/// ```
public struct IdempotencyClaim: Sendable, Hashable {
  /// The longest key accepted, in UTF-8 bytes: a UUID is 36.
  public static let maxKeyBytes = 200

  /// The method the key was sent to, e.g. `Send` or a full path: keys of different methods
  /// never meet (unless the ledger's layout keys by caller alone).
  public var method: String
  /// Whose key it is: the caller's principal id or the acting unit; empty when keys are shared
  /// by every caller of the method.
  public var scope: String
  /// The caller's key.
  public var key: String
  /// The SHA-256 of the request as given.
  public var fingerprint: [UInt8]

  /// The claim of a request carrying `key`, or nil when `key` is empty (no idempotency asked).
  ///
  /// - Parameter request: the bytes that identify the request: its encoding with the key cleared.
  /// - Throws: ``IdempotencyRefusal`` (invalid argument) for a key over ``maxKeyBytes``.
  public init?(method: String, scope: String = "", key: String, request: [UInt8]) throws(IdempotencyRefusal) {
    guard !key.isEmpty else { return nil }
    guard key.utf8.count <= Self.maxKeyBytes else {
      throw IdempotencyRefusal.key(
        .invalidArgument, "is longer than \(Self.maxKeyBytes) bytes (\(key.utf8.count)); a UUID is enough")
    }
    self.init(method: method, scope: scope, key: key, fingerprint: Array(SHA256.hash(data: request)))
  }

  /// A claim with a fingerprint made elsewhere (e.g. read back, or for tests).
  public init(method: String, scope: String = "", key: String, fingerprint: [UInt8]) {
    self.method = method
    self.scope = scope
    self.key = key
    self.fingerprint = fingerprint
  }
}
