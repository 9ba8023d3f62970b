import ReformKit

/// A request's idempotency key refused: longer than allowed, or already used for another
/// request. A ``DomainFailure`` on `idempotencyKey`: the module layer answers it with its
/// kind's status naming `idempotency_key`, as any other refusal of a field.
public typealias IdempotencyRefusal = RuleError<IdempotencyLedger>

extension RuleError where Rule == IdempotencyLedger {
  /// A refusal of `kind` on the request's `idempotencyKey`.
  public static func key(_ kind: DomainErrorKind, _ message: String) -> IdempotencyRefusal {
    IdempotencyRefusal(kind, field: "idempotencyKey", message)
  }
}
