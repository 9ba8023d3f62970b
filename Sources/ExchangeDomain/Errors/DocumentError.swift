import ReformKit

/// Why a document (metadata and attachments) cannot be stored or sent: a field that fails
/// validation (`invalidArgument`), or a secret document (`failedPrecondition`).
///
/// Produced by ``ExchangeDocument/validationErrors(today:)`` and by
/// ``StorableDocument/init(admitting:today:)``.
public struct DocumentError: DomainFailure, Equatable {
  /// The class of failure.
  public var kind: DomainErrorKind
  /// The field at fault, e.g. `metadata.subject`.
  public var field: String
  /// What is wrong.
  public var message: String

  /// A failure of `kind` on `field`.
  public init(_ kind: DomainErrorKind, field: String, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  /// A missing or malformed field.
  static func invalid(_ field: String, _ message: String) -> DocumentError {
    DocumentError(.invalidArgument, field: field, message)
  }
}
