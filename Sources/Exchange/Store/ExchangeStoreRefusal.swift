import ReformKit

/// A write the stored state refuses: an upload that is gone, committed or short of bytes, a
/// chunk past what arrived, a notice for a copy the unit never received, an idempotency key
/// reused for another request. It names the request field at fault as the `.proto` spells it
/// (`upload_id`, `receiver_organ_ids[2]`); the handlers answer it like any other
/// ``DomainFailure``, with its kind's status and the message `field: problem`.
typealias ExchangeStoreRefusal = RuleError<ExchangeStore>
