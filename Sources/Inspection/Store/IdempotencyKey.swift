/// A request's idempotency key, with the method it was sent to and the fingerprint of the
/// request, so that a repeat is answered from the store and a different request under the
/// same key is refused.
struct IdempotencyKey: Sendable, Hashable {
  /// The method's name, e.g. `Plan`.
  var method: String
  var key: String
  /// ``RequestFingerprint`` of the request's wire bytes.
  var fingerprint: [UInt8]
}
