import ReformKit

/// Why a workflow step was refused, naming the period's current status when that is the
/// reason (e.g. approving a period that is still DRAFT).
public struct PeriodWorkflowError: DomainFailure, Hashable {
  /// The class of the error, for the gRPC status.
  public var kind: DomainErrorKind
  /// The field at fault, e.g. `"parent_code"`.
  public var field: String
  /// What is wrong and how to put it right.
  public var message: String
  /// The period's status when the step was refused.
  public var currentStatus: PeriodStatus

  /// Makes an error.
  public init(kind: DomainErrorKind, field: String, message: String, currentStatus: PeriodStatus) {
    self.kind = kind
    self.field = field
    self.message = message
    self.currentStatus = currentStatus
  }
}
