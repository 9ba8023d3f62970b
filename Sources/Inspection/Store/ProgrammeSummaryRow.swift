import Foundation
import ReformWire

/// A programme with its latest version summed up, as ListProgrammes answers it: a row of
/// ``select`` on either engine.
struct ProgrammeSummaryRow: Sendable {
  var programmeId: String
  var name: String
  var ownerUnitCode: String
  var year: Int
  var latestVersion: Int
  var visitCount: Int
  var unplacedCount: Int
  /// When the latest version was stored.
  var createdAt: Date
  var createdBy: String

  /// The columns of a summary, from each programme `p` joined to its latest version `v`; a
  /// store adds its filters (`WHERE …`), order and limit.
  static let select = """
    SELECT p.programme_id, p.name, p.owner_unit_code, p.year, p.latest_version,
           v.visit_count, v.unplaced_count, v.created_at, v.created_by
    FROM \(ProgrammeRecord.databaseTableName) p
    JOIN \(ProgrammeVersionRecord.databaseTableName) v
      ON v.programme_id = p.programme_id AND v.version = p.latest_version
    """

  /// The row on the wire.
  var summary: InspectionProgrammeSummary {
    InspectionProgrammeSummary(
      programmeId: programmeId, version: Int32(clamping: latestVersion), name: name, ownerUnitCode: ownerUnitCode,
      year: Int32(clamping: year), visitCount: Int32(clamping: visitCount), unplacedCount: Int32(clamping: unplacedCount),
      createdAt: Timestamp(createdAt), createdBy: createdBy)
  }
}
