import Foundation
import GRDB
import ReformStore

/// One version of a programme: a row of `inspection_programme_version`.
struct ProgrammeVersionRecord: SnakeCaseRecord, PersistableRecord {
  static let databaseTableName = "inspection_programme_version"

  var programmeId: String
  var version: Int
  /// The whole `InspectionProgramme`, input included, in wire bytes: what GetProgramme returns.
  var programme: Data
  var visitCount: Int
  var unplacedCount: Int
  var createdAt: Date
  var createdBy: String
  /// For a version made by a replan, the `InspectionReplanRequest` that made it (its changes
  /// and their notes), kept as the record of why the version exists; `nil` for version 1.
  var replanRequest: Data?
}
