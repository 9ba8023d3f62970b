import ReformModule
import ReformWire

// The module's requests that carry an idempotency key (ReformModule.IdempotentRequest).

extension ExchangeBeginUploadRequest: IdempotentRequest {}
extension ExchangeSendRequest: IdempotentRequest {}
extension ExchangeSendNoticeRequest: IdempotentRequest {}
extension ExchangeRecallRequest: IdempotentRequest {}
extension ExchangeImportEdxmlRequest: IdempotentRequest {}
