import ReformKit

/// A request's idempotency key refused: too long, or already used for another request. The
/// handlers report it on `idempotency_key`, as any other refusal of a field.
struct IdempotencyKeyFailure: DomainFailure, Equatable {
  var kind: DomainErrorKind
  var field: String { "idempotency_key" }
  var message: String
}
