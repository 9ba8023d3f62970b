import Foundation
import ReformWire

/// How `reformctl` writes figures, durations and instants, in one place so that every command
/// writes them alike.
enum Format {
  /// The zone of wall-clock times shown: Vietnam's, where Reform's operators work. Vietnam
  /// keeps UTC+7 all year, so the fixed offset stands in when the zone database is missing.
  static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

  private static let wallClockFormatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
    return formatter
  }()

  /// An instant in Vietnam's zone, e.g. `2025-03-01 14:05:09 +07:00`; `-` when unset.
  static func wallClock(_ timestamp: Timestamp?) -> String {
    guard let date = date(timestamp) else { return "-" }
    return wallClockFormatter.string(from: date)
  }

  /// The instant a `Timestamp` (UTC seconds and nanoseconds) names; `nil` when unset.
  static func date(_ timestamp: Timestamp?) -> Date? {
    timestamp?.date
  }

  /// A duration in milliseconds with two decimals, e.g. `0.84`, for round trips.
  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return String(format: "%.2f", ms)
  }

  /// Microseconds as milliseconds with one decimal, e.g. `12.3`, for latency percentiles.
  static func millisecondsFromMicros(_ micros: Int64) -> String {
    String(format: "%.1f", Double(micros) / 1000)
  }

  /// Thousandths as a decimal with one place, e.g. `1500` as `1.5`, for rates.
  static func fromMilli(_ milli: Int64) -> String {
    String(format: "%.1f", Double(milli) / 1000)
  }

  /// An age or span for a person: `850ms`, `4.2s`, `3m07s`, `2h05m`, `3d04h`.
  static func age(milliseconds ms: Int64) -> String {
    let ms = max(ms, 0)
    if ms < 1000 { return "\(ms)ms" }
    if ms < 60_000 { return String(format: "%.1fs", Double(ms) / 1000) }
    let seconds = ms / 1000
    if seconds < 3600 { return String(format: "%dm%02ds", seconds / 60, seconds % 60) }
    if seconds < 86_400 { return String(format: "%dh%02dm", seconds / 3600, seconds % 3600 / 60) }
    return String(format: "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600)
  }

  /// Bytes as megabytes (MiB) with one decimal, e.g. `42.7 MB`.
  static func megabytes(_ bytes: Int64) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }

  /// A schema enum value's name without its type's prefix, in lower case:
  /// `ADMIN_WORKER_STATE_DRAINING` as `draining`. A value the schema does not name keeps its
  /// number.
  static func enumName(_ name: String, prefix: String) -> String {
    name.hasPrefix(prefix) ? name.dropFirst(prefix.count).lowercased() : name
  }

  /// Text, or `-` when it is empty, so that a table cell is never blank.
  static func orDash(_ text: String) -> String {
    text.isEmpty ? "-" : text
  }
}
