import Foundation
import GRDB

/// One evaluation as stored: its key, the unit it is rated in, and the submitted proto
/// message's bytes (output-only fields cleared; they live in their own columns).
struct EvaluationRecord: Sendable {
  var year: Int
  /// The proto's RatingSubjectKind number.
  var subjectKind: Int32
  var subjectId: String
  var unitCode: String
  var subjectName: String
  var revision: Int64 = 0
  /// The submitting principal's bytes, when known.
  var submittedBy: [UInt8]?
  var submittedAtMillis: Int64 = 0
  var payload: [UInt8]

  /// Whether the subject is a person (collectives list first).
  var isPerson: Bool { subjectKind != 4 }

  /// When it was submitted.
  var submittedAt: Date { StoredValue.date(millis: submittedAtMillis) }

  /// The columns every query below selects, in order.
  static let columns = "year, subject_kind, subject_id, unit_code, subject_name, revision, submitted_by, submitted_at, payload"

  /// A record from a row with ``columns``.
  init(row: Row) {
    year = row[0]
    subjectKind = row[1]
    subjectId = row[2]
    unitCode = row[3]
    subjectName = row[4]
    revision = row[5]
    submittedBy = (row[6] as Data?).map { [UInt8]($0) }
    submittedAtMillis = row[7]
    payload = [UInt8]((row[8] as Data?) ?? Data())
  }

  init(
    year: Int, subjectKind: Int32, subjectId: String, unitCode: String, subjectName: String, payload: [UInt8]
  ) {
    self.year = year
    self.subjectKind = subjectKind
    self.subjectId = subjectId
    self.unitCode = unitCode
    self.subjectName = subjectName
    self.payload = payload
  }
}
