import Foundation
import GRDB
import ReformStore
import ReformWire

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
  /// The row of a new programme, number `number` of its year, and `programme` as its version 1
  /// is stored: its id (``programmeID(year:number:)``) and version set.
  ///
  /// `programme` carries its name, owner, year, creation and input.
  static func first(_ programme: InspectionProgramme, number: Int) -> (record: ProgrammeRecord, programme: InspectionProgramme) {
    let year = Int(programme.year)
    var stored = programme
    stored.programmeId = programmeID(year: year, number: number)
    stored.version = 1
    let record = ProgrammeRecord(
      programmeId: stored.programmeId, year: year, number: number, ownerUnitCode: stored.ownerUnitCode,
      name: stored.name, latestVersion: 1, createdAt: stored.createdAt?.date ?? Date(), createdBy: stored.createdBy)
    return (record, stored)
  }

  /// `KTGS-2026-0001`: kiểm tra, giám sát; the year; the number within it.
  static func programmeID(year: Int, number: Int) -> String {
    let digits = String(number)
    return "KTGS-\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
  }

  /// The row as the handlers see it.
  var header: ProgrammeHeader {
    ProgrammeHeader(
      programmeId: programmeId, year: year, ownerUnitCode: ownerUnitCode, name: name, latestVersion: latestVersion)
  }
}
