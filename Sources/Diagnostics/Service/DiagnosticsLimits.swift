import ReformModule
import ReformWire

/// What the diagnostics calls accept, checked before anything runs. Pure: each check names
/// the field at fault.
///
/// A stream is bounded in items, in bytes per item, in bytes in all and in time: a probe must
/// not be a way to make the system move gigabytes or hold a worker for days.
enum DiagnosticsLimits {
  static let maxSleepMilliseconds: Int64 = 3_600_000
  static let maxItems: Int32 = 100_000
  static let maxPayloadBytes: Int32 = 1024 * 1024
  /// The most payload one StreamItems call may ask for in all: item_count × payload_bytes.
  static let maxStreamBytes: Int64 = 256 * 1024 * 1024
  /// The longest one StreamItems call may pace itself: item_count × interval_ms.
  static let maxStreamMilliseconds: Int64 = 3_600_000

  static func check(_ request: DiagnosticsSleepRequest) throws(FieldError) {
    guard (0...maxSleepMilliseconds).contains(request.durationMs) else {
      throw .invalid("duration_ms", "must be between 0 and \(maxSleepMilliseconds) (one hour); got \(request.durationMs)")
    }
    if !request.cancelTallyKey.isEmpty { try checkKey(request.cancelTallyKey, field: "cancel_tally_key") }
  }

  static func check(_ request: DiagnosticsFailRequest) throws(FieldError) {
    guard (1...16).contains(request.code) else {
      throw .invalid("code", "must be a gRPC status code from 1 (CANCELLED) to 16 (UNAUTHENTICATED); got \(request.code)")
    }
  }

  static func check(_ request: DiagnosticsStreamItemsRequest) throws(FieldError) {
    guard (0...maxItems).contains(request.itemCount) else {
      throw .invalid("item_count", "must be between 0 and \(maxItems); got \(request.itemCount)")
    }
    guard (0...60_000).contains(request.intervalMs) else {
      throw .invalid("interval_ms", "must be between 0 and 60000; got \(request.intervalMs)")
    }
    guard (0...maxPayloadBytes).contains(request.payloadBytes) else {
      throw .invalid("payload_bytes", "must be between 0 and \(maxPayloadBytes); got \(request.payloadBytes)")
    }
    let totalBytes = Int64(request.itemCount) * Int64(request.payloadBytes)
    guard totalBytes <= maxStreamBytes else {
      throw .invalid(
        "item_count", "× payload_bytes must be at most \(maxStreamBytes) bytes in all; \(request.itemCount) × \(request.payloadBytes) is \(totalBytes)")
    }
    let totalMilliseconds = Int64(request.itemCount) * Int64(request.intervalMs)
    guard totalMilliseconds <= maxStreamMilliseconds else {
      throw .invalid(
        "interval_ms", "× item_count must be at most \(maxStreamMilliseconds) ms (an hour); \(request.intervalMs) × \(request.itemCount) is \(totalMilliseconds)")
    }
    guard request.failAfter >= 0 else { throw .invalid("fail_after", "must not be negative; got \(request.failAfter)") }
    if request.failAfter > 0 {
      guard (1...16).contains(request.failCode) else {
        throw .invalid("fail_code", "must be a gRPC status code from 1 to 16 when fail_after is set; got \(request.failCode)")
      }
    }
  }

  static func check(_ request: DiagnosticsTallyRequest) throws(FieldError) {
    try checkKey(request.key)
    guard (0...60_000).contains(request.holdMs) else {
      throw .invalid("hold_ms", "must be between 0 and 60000; got \(request.holdMs)")
    }
  }

  /// Tally keys name files: 1–128 characters of letters, digits, `.`, `_` and `-`, not
  /// starting with a dot.
  static func checkKey(_ key: String, field: String = "key") throws(FieldError) {
    let allowed = key.utf8.allSatisfy { c in
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x2e || c == 0x5f || c == 0x2d
    }
    guard (1...128).contains(key.utf8.count), allowed, !key.hasPrefix(".") else {
      throw .invalid(field, "must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'")
    }
  }
}
