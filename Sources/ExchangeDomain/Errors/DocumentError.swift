import ReformKit

/// Why a document (metadata and attachments) cannot be stored or sent: a field that fails
/// validation (`invalidArgument`, e.g. on `metadata.subject`), or a secret document
/// (`failedPrecondition`).
///
/// Produced by ``ExchangeDocument/validationErrors(today:)`` and by
/// ``StorableDocument/init(admitting:today:)``.
public typealias DocumentError = RuleError<ExchangeDocument>
