/// What every error of the registry's domain offers the handler layer: a ``DomainErrorKind``
/// for the gRPC status, the field at fault, and a message a person can act on.
///
/// Each concern has its own conforming type (``UnitTreeError``, ``PersonError``,
/// ``IndicatorSetError``, ``IndicatorValueError``, ``PeriodWorkflowError``); CSV imports report
/// many at once through ``CSVImportFailure``.
public protocol RegistryDomainError: Error, Sendable, CustomStringConvertible {
  /// The class of the error.
  var kind: DomainErrorKind { get }
  /// The field at fault, in the `.proto` field's spelling, with a path where it helps,
  /// e.g. `"unit.parent_code"` or `"indicators[3].target.percent"`; empty when no one field is.
  var field: String { get }
  /// What is wrong and how to put it right.
  var message: String { get }
}

extension RegistryDomainError {
  /// `field: message`, the form the handler layer sends as the status message.
  public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}
