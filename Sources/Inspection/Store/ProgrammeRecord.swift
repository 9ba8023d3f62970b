import Foundation
import GRDB
import ReformStore

/// A programme: a row of `inspection_programme`, what stays the same across its versions.
struct ProgrammeRecord: SnakeCaseRecord, PersistableRecord {
  static let databaseTableName = "inspection_programme"

  /// `KTGS-2026-0001`: the year and a number counted per year.
  var programmeId: String
  var year: Int
  var number: Int
  var ownerUnitCode: String
  var name: String
  /// The version a replan must start from.
  var latestVersion: Int
  /// When version 1 was stored, UTC.
  var createdAt: Date
  var createdBy: String
}

extension ProgrammeRecord {
  /// The row as the handlers see it.
  var header: ProgrammeHeader {
    ProgrammeHeader(
      programmeId: programmeId, year: year, ownerUnitCode: ownerUnitCode, name: name, latestVersion: latestVersion)
  }
}
