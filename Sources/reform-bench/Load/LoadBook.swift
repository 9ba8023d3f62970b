import Foundation
import ReformClient

/// Every call the load made, by method: how long each took and how it ended.
///
/// Latencies are per attempt, as the client saw them (a repeated attempt of a write counts
/// again). Percentiles are over the attempts that ended OK; the errors are counted by status.
actor LoadBook {
  struct Method: Sendable {
    var okMicroseconds: [Int64] = []
    var statuses: [String: Int] = [:]
    /// The first message of each error status.
    var firstMessages: [String: String] = [:]
  }

  private(set) var methods: [String: Method] = [:]
  private(set) var started = ContinuousClock.now

  /// Starts the window the rates are computed over, forgetting what came before.
  func reset() {
    methods = [:]
    started = ContinuousClock.now
  }

  func record(_ method: String, _ elapsed: Duration, status: String, message: String = "") {
    if status == "OK" {
      methods[method, default: Method()].okMicroseconds.append(elapsed.microseconds)
    } else if methods[method]?.firstMessages[status] == nil {
      methods[method, default: Method()].firstMessages[status] = message
    }
    methods[method, default: Method()].statuses[status, default: 0] += 1
  }

  /// Calls in the window, and calls per second over it.
  func totals() -> (calls: Int, perSecond: Double, errors: [String: Int]) {
    let seconds = (ContinuousClock.now - started).seconds
    var calls = 0
    var errors: [String: Int] = [:]
    for method in methods.values {
      for (status, count) in method.statuses {
        calls += count
        if status != "OK" { errors[status, default: 0] += count }
      }
    }
    return (calls, seconds > 0 ? Double(calls) / seconds : 0, errors)
  }

  /// The p99 of every OK call in the window, across methods, in milliseconds.
  func overallP99() -> Double {
    let all = methods.values.flatMap(\.okMicroseconds).sorted()
    return Self.percentile(all, 0.99)
  }

  /// The table `reform-bench load` prints: one line per method, then the totals.
  func table() -> String {
    let seconds = (ContinuousClock.now - started).seconds
    var lines = [
      "method                              calls   calls/s   p50 ms   p99 ms   max ms  errors by status",
    ]
    for name in methods.keys.sorted() {
      let method = methods[name] ?? Method()
      let latencies = method.okMicroseconds.sorted()
      let calls = method.statuses.values.reduce(0, +)
      let errors = method.statuses.filter { $0.key != "OK" }.sorted { $0.key < $1.key }
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      lines.append(
        name.padded(34) + String(calls).leftPad(7) + String(format: "%10.1f", Double(calls) / max(seconds, 0.001))
          + Self.milliseconds(Self.percentile(latencies, 0.5)) + Self.milliseconds(Self.percentile(latencies, 0.99))
          + Self.milliseconds(Double(latencies.last ?? 0) / 1000) + "  " + (errors.isEmpty ? "-" : errors))
    }
    let (calls, perSecond, errors) = totals()
    let all = methods.values.flatMap(\.okMicroseconds).sorted()
    lines.append(
      "all".padded(34) + String(calls).leftPad(7) + String(format: "%10.1f", perSecond)
        + Self.milliseconds(Self.percentile(all, 0.5)) + Self.milliseconds(Self.percentile(all, 0.99))
        + Self.milliseconds(Double(all.last ?? 0) / 1000) + "  "
        + (errors.isEmpty ? "-" : errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
    for name in methods.keys.sorted() {
      for (status, message) in (methods[name]?.firstMessages ?? [:]).sorted(by: { $0.key < $1.key }) {
        lines.append("  first \(status) of \(name): \(message.prefix(160))")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The nearest-rank percentile of sorted microseconds, in milliseconds.
  static func percentile(_ sorted: [Int64], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return Double(sorted[min(max(rank, 0), sorted.count - 1)]) / 1000
  }

  private static func milliseconds(_ value: Double) -> String {
    String(format: "%9.1f", value)
  }
}

extension Duration {
  var microseconds: Int64 {
    components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000
  }

  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}

extension String {
  func padded(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
