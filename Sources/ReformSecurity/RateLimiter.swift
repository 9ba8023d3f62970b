import Synchronization

/// A token bucket per key (a bearer token's id, or a peer's address for failed
/// authentications): each key may make `rate` calls a second on average and `burst` in a row.
/// Pure apart from its lock; time comes from the caller, so tests need no clock.
///
/// At most `maxKeys` buckets are kept: past that, buckets that have filled up again (which
/// say nothing a new bucket would not) are dropped, then, if that is not enough, the ones
/// left longest untouched.
public final class RateLimiter: Sendable {
  public let rate: Double
  public let burst: Double
  public let maxKeys: Int
  private let buckets = Mutex<[String: Bucket]>([:])

  private struct Bucket {
    var tokens: Double
    var updated: Double
  }

  /// - Parameters:
  ///   - rate: calls a second, on average; 0 or less lets every call through.
  ///   - burst: calls in a row after a quiet spell; at least 1.
  ///   - maxKeys: buckets kept at most.
  public init(rate: Double, burst: Double, maxKeys: Int = 100_000) {
    self.rate = rate
    self.burst = max(1, burst)
    self.maxKeys = max(1, maxKeys)
  }

  /// The seconds until the key's bucket holds a whole call, or nil when it holds one now.
  /// Takes nothing: for a check made before the work that may then be counted.
  public func wait(_ key: String, at now: Double) -> Double? {
    guard rate > 0 else { return nil }
    return buckets.withLock { buckets in
      guard let bucket = buckets[key] else { return nil }
      let tokens = min(burst, bucket.tokens + max(0, now - bucket.updated) * rate)
      return tokens >= 1 ? nil : (1 - tokens) / rate
    }
  }

  /// Takes one call from the key's bucket. Returns nil when the call may go ahead, or the
  /// seconds until it would.
  public func admit(_ key: String, at now: Double) -> Double? {
    guard rate > 0 else { return nil }
    return buckets.withLock { buckets in
      if buckets[key] == nil && buckets.count >= maxKeys { prune(&buckets, at: now) }
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

  private func prune(_ buckets: inout [String: Bucket], at now: Double) {
    buckets = buckets.filter { $0.value.tokens + max(0, now - $0.value.updated) * rate < burst }
    guard buckets.count >= maxKeys else { return }
    let oldest = buckets.sorted { $0.value.updated < $1.value.updated }.prefix(buckets.count - maxKeys / 2)
    for (key, _) in oldest { buckets[key] = nil }
  }
}
