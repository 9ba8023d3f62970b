import GRDB
import ReformStore
import ReformWire

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

extension ProgrammeVisitRecord {
  /// The rows of `programme`'s visits, whose id and version are set.
  static func visits(of programme: InspectionProgramme) -> [ProgrammeVisitRecord] {
    programme.visits.map { visit in
      ProgrammeVisitRecord(
        programmeId: programme.programmeId, version: Int(programme.version), visitId: visit.visitId,
        unitCode: visit.unitCode.precomposedStringWithCanonicalMapping, lastDay: visit.lastDay.map(isoDay) ?? "")
    }
  }

  /// The visits of the latest version of each programme, `v`, joined to their programme `p`:
  /// where both engines look for a unit's last visit.
  static let ofLatestVersions = """
    FROM \(databaseTableName) v
    JOIN \(ProgrammeRecord.databaseTableName) p ON p.programme_id = v.programme_id AND p.latest_version = v.version
    """

  /// `date` as ISO 8601, e.g. `2026-03-02`.
  static func isoDay(_ date: CalendarDate) -> String {
    func padded(_ n: Int32, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))"
  }
}
