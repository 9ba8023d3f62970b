import Metrics
import ReformKit

/// What every store records, on either engine: `reform_store_operation_duration_seconds` by
/// store and engine, `reform_store_busy_total` for operations given up as busy (the caller gets
/// the retryable `UNAVAILABLE`), and `reform_store_retries_total` for PostgreSQL transactions
/// run again after a deadlock or a serialization failure.
enum StoreMetrics {
  /// Runs `operation`, timing it, and turns what it throws into a ``StoreFailure`` of `store`
  /// with `translate`.
  static func guarded<T>(
    store: String, engine: String, translate: (any Error) -> any Error, _ operation: () async throws -> T
  ) async throws -> T {
    let started = ContinuousClock.now
    defer {
      Timer(label: "reform_store_operation_duration_seconds", dimensions: [("store", store), ("engine", engine)])
        .record(duration: ContinuousClock.now - started)
    }
    do {
      return try await operation()
    } catch {
      let failure = translate(error)
      if let failure = failure as? StoreFailure, case .busy = failure {
        Counter(label: "reform_store_busy_total", dimensions: [("store", store), ("engine", engine)]).increment()
      }
      throw failure
    }
  }

  static func retried(store: String) {
    Counter(label: "reform_store_retries_total", dimensions: [("store", store), ("engine", "postgres")]).increment()
  }
}
