import ClassificationDomain
import Foundation
import ReformKit
import ReformWire

/// How the classification tables hold values, alike on SQLite and PostgreSQL: times as
/// milliseconds since 1970 UTC, subject kinds as proto numbers, runs and quota exceptions
/// numbered `R<year>-<n>` and `QE-<year>-<n>`.
enum StoredValue {
  /// Milliseconds since 1970 UTC for `date`.
  static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }

  /// The instant `millis` milliseconds after 1970 UTC.
  static func date(millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1_000) }

  /// The id of the run numbered `seq`: `R2025-000007`.
  static func runId(year: Int, seq: Int64) -> String { "R\(year)-\(padded(seq, 6))" }

  /// The id of the quota exception numbered `seq`: `QE-2025-0003`.
  static func exceptionId(year: Int32, seq: Int64) -> String { "QE-\(year)-\(padded(seq, 4))" }

  /// `value` in decimal with at least `width` digits.
  static func padded(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// The domain's subject kind of a stored proto number.
  static func subjectKind(_ number: Int32) throws(StoreFailure) -> ClassificationDomain.RatingSubjectKind {
    guard let kind = ClassificationDomain.RatingSubjectKind(wire: ReformWire.RatingSubjectKind(rawValue: number)) else {
      throw StoreFailure.damaged("\(number) is not a stored subject kind")
    }
    return kind
  }
}
