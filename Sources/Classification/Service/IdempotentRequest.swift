import ReformModule
import ReformWire

// The module's requests that carry an idempotency key (ReformModule.IdempotentRequest).

extension SubmitEvaluationsRequest: IdempotentRequest {}
extension ClassificationDefineRuleSetRequest: IdempotentRequest {}
extension ClassificationRunRequest: IdempotentRequest {}
extension ClassificationGrantQuotaExceptionRequest: IdempotentRequest {}
extension ClassificationRevokeQuotaExceptionRequest: IdempotentRequest {}
