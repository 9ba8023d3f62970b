import ReformModule
import ReformWire

// The module's requests that carry an idempotency key (ReformModule.IdempotentRequest).

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

/// A request that moves one unit's period through the workflow (submit, reopen).
protocol PeriodStepRequest: IdempotentRequest {
  var setId: String { get }
  var unitCode: String { get }
  var period: ReformWire.Period? { get }
}

extension SubmitPeriodRequest: PeriodStepRequest {}
extension ReopenPeriodRequest: PeriodStepRequest {}
