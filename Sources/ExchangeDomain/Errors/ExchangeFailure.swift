/// What every error of the exchange domain tells: which gRPC status it maps to, which field is
/// at fault, and what a person can do about it.
///
/// The handler layer maps any `ExchangeFailure` to a status in one place, whatever its concrete
/// type.
public protocol ExchangeFailure: Error, Sendable, CustomStringConvertible {
  /// The class of failure, one-to-one with a gRPC status code.
  var kind: ExchangeErrorKind { get }
  /// The field at fault as a path from the request, e.g. `metadata.recipients[2].organId` or
  /// `attachments[0].sha256`.
  var field: String { get }
  /// What is wrong and, where it helps, what to do.
  var message: String { get }
}

extension ExchangeFailure {
  /// `field: message`, fit to show the caller.
  public var description: String { "\(field): \(message)" }
}
