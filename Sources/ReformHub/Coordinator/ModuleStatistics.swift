/// Calls, errors and latencies of one module's recent calls, for `Admin.Status`.
struct ModuleStatistics {
  private struct Sample {
    var at: ContinuousClock.Instant
    var latency: Duration
  }

  private(set) var calls: Int64 = 0
  private(set) var errorsByCode: [Int32: Int64] = [:]
  private var samples: [Sample] = []
  private var next = 0
  private static let capacity = 4096

  mutating func record(latency: Duration, status: Int32, at now: ContinuousClock.Instant) {
    calls += 1
    if status != 0 { errorsByCode[status, default: 0] += 1 }
    let sample = Sample(at: now, latency: latency)
    if samples.count < Self.capacity {
      samples.append(sample)
    } else {
      samples[next] = sample
      next = (next + 1) % Self.capacity
    }
  }

  /// Calls per second (in thousandths) and latency percentiles (in microseconds) over the
  /// window, from the most recent samples.
  func summary(window: Duration, now: ContinuousClock.Instant) -> (callsPerSecondMilli: Int64, p50: Int64, p99: Int64) {
    let recent = samples.filter { now - $0.at <= window }.map(\.latency).sorted()
    guard !recent.isEmpty else { return (0, 0, 0) }
    let seconds = Double(window.components.seconds) + Double(window.components.attoseconds) / 1e18
    let perSecond = Int64((Double(recent.count) / max(seconds, 0.001) * 1000).rounded())
    func percentile(_ p: Double) -> Int64 {
      let index = min(recent.count - 1, Int((Double(recent.count) * p).rounded(.up)) - 1)
      let (s, atto) = recent[max(0, index)].components
      return s * 1_000_000 + atto / 1_000_000_000_000
    }
    return (perSecond, percentile(0.5), percentile(0.99))
  }
}
