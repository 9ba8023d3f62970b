import GRDB
import ReformStore

/// A visit of one programme version, by unit: a row of `inspection_programme_visit`, so that
/// the last visit to a unit is found without decoding programmes.
struct ProgrammeVisitRecord: SnakeCaseRecord, PersistableRecord {
  static let databaseTableName = "inspection_programme_visit"

  var programmeId: String
  var version: Int
  var visitId: String
  /// In Unicode NFC, as lookups normalise it.
  var unitCode: String
  /// ISO 8601 (`2026-03-02`), which sorts as dates do.
  var lastDay: String
}
