import Foundation

/// Times on PostgreSQL: whole microseconds since 1970 in `BIGINT` columns, where SQLite keeps
/// GRDB's text dates, as ReformStore's idempotency ledger keeps its times there.
extension Date {
  /// The instant in whole microseconds since 1970, rounded.
  var microsecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1_000_000).rounded()) }

  /// The instant `microseconds` after 1970.
  init(microsecondsSince1970 microseconds: Int64) {
    self.init(timeIntervalSince1970: Double(microseconds) / 1_000_000)
  }
}
