import ReformClient

/// Retries a call that is safe to repeat — a read, or a write that carries an idempotency key —
/// when it meets `UNAVAILABLE` (a coordinator restarting, a worker replaced): the repeat
/// returns the first answer, never a second effect. Other failures are thrown at once.
enum KeyedRetry {
  /// Attempts in all, the first included; the waits between them double from a quarter second,
  /// so the last one comes about four seconds after the first.
  static let attempts = 5

  static func run<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws -> T {
    var wait: Duration = .milliseconds(250)
    var attempt = 1
    while true {
      do {
        return try await body()
      } catch let error as ReformError where error.code == .unavailable && attempt < attempts {
        StandardError.print("reformctl: \(what): \(error.code): \(error.message); trying again")
        try await Task.sleep(for: wait)
        wait *= 2
        attempt += 1
      }
    }
  }

  /// Runs the keyed work of a command; when it fails in a way that repeating may cure, first
  /// tells the operator how: `reformctl: the send did not finish; repeat it with --key KEY to
  /// resume it without sending twice`, where `what` is "the send" and `without` is "sending twice".
  static func resumable<T: Sendable>(_ what: String, key: String, without: String, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch where worthRepeating(error) {
      StandardError.print("reformctl: \(what) did not finish; repeat it with --key \(key) to resume it without \(without)")
      throw error
    }
  }

  /// Whether a command that failed with `error` may succeed when repeated with the same key:
  /// the coordinator was unreachable, busy or too slow, or a transfer broke.
  static func worthRepeating(_ error: any Error) -> Bool {
    if error is TransferFailure { return true }
    guard let error = error as? ReformError else { return false }
    return ExitStatus.of(error.code) == ExitStatus.transient
  }
}
