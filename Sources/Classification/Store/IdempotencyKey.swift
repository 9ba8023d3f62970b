import ClassificationDomain
import Crypto
import ReformKit
import ReformWire

/// A write's idempotency key with the fingerprint of its request: a repeat with the same key
/// and the same request returns the first answer and writes nothing; the same key with another
/// request is refused with `FAILED_PRECONDITION` naming `idempotency_key`
/// (``ClassificationRefusal``).
struct IdempotencyKey: Sendable {
  /// The longest key accepted.
  static let maximumLength = 200

  /// The method path the key belongs to: keys of different methods never meet.
  var method: String
  /// The caller's key.
  var key: String
  /// SHA-256 (hex) of the request's encoding without its key.
  var fingerprint: String

  /// The key of `request` for `method`; `nil` when `key` is empty (no idempotency asked).
  ///
  /// - Parameter withoutKey: the request with its idempotency key cleared, so that only what
  ///   the caller asked for is fingerprinted.
  init?<Request: WireMessage>(
    method: String, key: String, withoutKey request: Request
  ) throws(ClassificationRefusal) {
    guard !key.isEmpty else { return nil }
    guard key.utf8.count <= Self.maximumLength else {
      throw ClassificationRefusal(
        kind: .invalidArgument, field: "idempotency_key",
        message: "at most \(Self.maximumLength) bytes; got \(key.utf8.count)")
    }
    self.method = method
    self.key = key
    let bytes: [UInt8]
    do {
      bytes = try request.wireBytes()
    } catch {
      throw ClassificationRefusal(kind: .invalidArgument, field: "request", message: "cannot be encoded: \(error)")
    }
    fingerprint = SHA256.hash(data: bytes).map { byte in
      let digits = String(byte, radix: 16)
      return byte < 16 ? "0" + digits : digits
    }.joined()
  }
}
