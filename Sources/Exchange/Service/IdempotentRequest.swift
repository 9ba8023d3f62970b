import ReformWire

/// A request that may carry an idempotency key: what ``Fingerprint`` clears before hashing, and
/// what ``ExchangeHandlers/claim(method:unit:request:)`` reads the key from.
protocol IdempotentRequest: WireMessage {
  var idempotencyKey: String { get set }
}

extension ExchangeBeginUploadRequest: IdempotentRequest {}
extension ExchangeSendRequest: IdempotentRequest {}
extension ExchangeSendNoticeRequest: IdempotentRequest {}
extension ExchangeRecallRequest: IdempotentRequest {}
extension ExchangeImportEdxmlRequest: IdempotentRequest {}
