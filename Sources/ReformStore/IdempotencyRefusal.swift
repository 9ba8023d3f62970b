import ReformKit

/// A request's idempotency key refused: longer than allowed, or already used for another
/// request. A ``DomainFailure`` on `idempotencyKey`: the module layer answers it with its
/// kind's status naming `idempotency_key`, as any other refusal of a field.
public struct IdempotencyRefusal: DomainFailure, Hashable {
  public var kind: DomainErrorKind
  public var field: String { "idempotencyKey" }
  public var message: String

  public init(kind: DomainErrorKind, message: String) {
    self.kind = kind
    self.message = message
  }
}
