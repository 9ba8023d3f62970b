import ReformWire

/// A request that may carry an idempotency key: a module's ledger reads the key from it and
/// fingerprints the request with the key cleared. Each module declares which of its requests
/// are keyed, next to its handlers.
public protocol IdempotentRequest: WireMessage {
  var idempotencyKey: String { get set }
}
