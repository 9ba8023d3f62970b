import ReformKit

/// A write the stored state refuses: a quota exception granted twice, one revoked twice or not
/// there, a final run over locked ratings without a reason, an idempotency key reused for
/// another request. It names the request field at fault, as the `.proto` spells it; the
/// handlers answer it like any other ``DomainFailure``.
struct ClassificationStoreRefusal: DomainFailure, Hashable {
  var kind: DomainErrorKind
  var field: String
  var message: String
}
