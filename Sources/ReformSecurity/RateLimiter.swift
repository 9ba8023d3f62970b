import Synchronization

/// A token bucket per key (a bearer token's id): each key may make `rate` calls a second on
/// average and `burst` in a row. Pure apart from its lock; time comes from the caller, so
/// tests need no clock.
public final class RateLimiter: Sendable {
  public let rate: Double
  public let burst: Double
  private let buckets = Mutex<[String: Bucket]>([:])

  private struct Bucket {
    var tokens: Double
    var updated: Double
  }

  /// - Parameters:
  ///   - rate: calls a second, on average; 0 or less lets every call through.
  ///   - burst: calls in a row after a quiet spell; at least 1.
  public init(rate: Double, burst: Double) {
    self.rate = rate
    self.burst = max(1, burst)
  }

  /// Takes one call from the key's bucket. Returns nil when the call may go ahead, or the
  /// seconds until it would.
  public func admit(_ key: String, at now: Double) -> Double? {
    guard rate > 0 else { return nil }
    return buckets.withLock { buckets in
      var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
      bucket.tokens = min(burst, bucket.tokens + max(0, now - bucket.updated) * rate)
      bucket.updated = now
      defer { buckets[key] = bucket }
      if bucket.tokens >= 1 {
        bucket.tokens -= 1
        return nil
      }
      return (1 - bucket.tokens) / rate
    }
  }
}
