import Foundation
import GRDB
import ReformStore
import ReformWire

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

extension ProgrammeVersionRecord {
  /// The row of `programme`, whose id and version are set; `replanRequest` is the request
  /// that made it, `nil` for version 1. Its visits are rows of their own
  /// (``ProgrammeVisitRecord/visits(of:)``).
  init(_ programme: InspectionProgramme, replanRequest: [UInt8]?) throws {
    self.init(
      programmeId: programme.programmeId, version: Int(programme.version), programme: Data(try programme.wireBytes()),
      visitCount: programme.visits.count, unplacedCount: programme.unplaced.count,
      createdAt: programme.createdAt?.date ?? Date(), createdBy: programme.createdBy,
      replanRequest: replanRequest.map { Data($0) })
  }
}
