import Foundation

/// Instants as the store keeps them: whole microseconds since 1970 UTC.
enum Microseconds {
  /// `date` truncated to the microsecond.
  static func of(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
  }

  /// The instant `microseconds` after 1970 UTC.
  static func date(_ microseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
  }
}
