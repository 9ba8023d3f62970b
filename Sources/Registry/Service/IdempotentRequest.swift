import ReformWire

/// A request that may carry an idempotency key.
protocol IdempotentRequest: WireMessage {
  var idempotencyKey: String { get set }
}

extension CreateUnitRequest: IdempotentRequest {}
extension UpdateUnitRequest: IdempotentRequest {}
extension MoveUnitRequest: IdempotentRequest {}
extension CloseUnitRequest: IdempotentRequest {}
extension CreatePersonRequest: IdempotentRequest {}
extension UpdatePersonRequest: IdempotentRequest {}
extension RecordReformStudiesRequest: IdempotentRequest {}
extension RegistryImportCsvRequest: IdempotentRequest {}
extension DefineIndicatorSetRequest: IdempotentRequest {}
extension ReportValuesRequest: IdempotentRequest {}
extension SubmitPeriodRequest: IdempotentRequest {}
extension ApprovePeriodRequest: IdempotentRequest {}
extension ReopenPeriodRequest: IdempotentRequest {}
extension ComputeIndicatorsRequest: IdempotentRequest {}
