import ReformKit

/// A write the stored state refuses: an upload that is gone, committed or short of bytes, a
/// chunk past what arrived, a notice for a copy the unit never received, an idempotency key
/// reused for another request. It names the request field at fault as the `.proto` spells it
/// (`upload_id`, `receiver_organ_ids[2]`); the handlers answer it like any other
/// ``DomainFailure``, with its kind's status and the message `field: problem`.
struct ExchangeStoreRefusal: DomainFailure, Hashable {
  var kind: DomainErrorKind
  var field: String
  var message: String

  init(_ kind: DomainErrorKind, _ field: String, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }
}
