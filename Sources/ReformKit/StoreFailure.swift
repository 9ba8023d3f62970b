/// Why a store operation failed, in terms a caller can act on, whatever the storage engine.
///
/// Stores throw this (or a ``DomainFailure`` for a rule their data enforces) and nothing of
/// their engine: the module layer maps it to a status in one place, so that every module
/// answers a busy store with the same retryable `UNAVAILABLE`.
public enum StoreFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// The store could not take the operation in time (a locked file, a serialization conflict
  /// that outlived its retries). Nothing was written; the same call may be retried.
  case busy(store: String, detail: String)
  /// What is stored cannot be read back as it was written.
  case corrupt(store: String, detail: String)
  /// The operation failed for another reason. Nothing was written.
  case failed(store: String, detail: String)

  public var description: String {
    switch self {
    case let .busy(store, detail): "the \(store) store is busy; try again (\(detail))"
    case let .corrupt(store, detail): "the \(store) store holds unreadable data: \(detail)"
    case let .failed(store, detail): "the \(store) store failed: \(detail)"
    }
  }
}
