import Foundation
import GRDB
import ReformStore
import ReformWire

extension InspectionStore {
  /// Stores `programme` as version 1 of a new programme, numbered within its year, and returns
  /// `respond`'s answer for it — or, when `idempotency` names a request answered before, that
  /// first answer, storing nothing.
  ///
  /// `programme` carries its name, owner, year, creation and input; the store sets its id
  /// (`KTGS-2026-0001`) and version.
  func createProgramme<Response: WireMessage>(
    _ programme: InspectionProgramme, idempotency: IdempotencyClaim?,
    respond: @escaping @Sendable (InspectionProgramme) -> Response
  ) async throws -> Response {
    let bytes = try await writing { db -> Data in
      if let idempotency, let answer = try Self.ledger.answer(to: idempotency, in: db) { return Data(answer) }
      let year = Int(programme.year)
      let last = try Int.fetchOne(
        db, sql: "SELECT MAX(number) FROM \(ProgrammeRecord.databaseTableName) WHERE year = ?", arguments: [year])
      let number = (last ?? 0) + 1
      var stored = programme
      stored.programmeId = Self.programmeID(year: year, number: number)
      stored.version = 1
      let createdAt = stored.createdAt?.date ?? Date()
      try ProgrammeRecord(
        programmeId: stored.programmeId, year: year, number: number, ownerUnitCode: stored.ownerUnitCode,
        name: stored.name, latestVersion: 1, createdAt: createdAt, createdBy: stored.createdBy
      ).insert(db)
      try Self.insertVersion(stored, replanRequest: nil, in: db)
      let answer = try respond(stored).wireBytes()
      if let idempotency { try Self.ledger.record(answer, for: idempotency, at: createdAt, in: db) }
      return Data(answer)
    }
    return try Self.decode(Response.self, bytes, what: "answer to Plan")
  }

  /// Stores `programme` as the version after `baseVersion` and returns `respond`'s answer —
  /// or, when `idempotency` names a request answered before, that first answer, storing
  /// nothing.
  ///
  /// - Throws: `NOT_FOUND` when the programme does not exist; `FAILED_PRECONDITION` naming
  ///   `base_version` when another version was stored after `baseVersion` meanwhile.
  func appendVersion<Response: WireMessage>(
    _ programme: InspectionProgramme, baseVersion: Int, replanRequest: [UInt8], idempotency: IdempotencyClaim?,
    respond: @escaping @Sendable (InspectionProgramme) -> Response
  ) async throws -> Response {
    let bytes = try await writing { db -> Data in
      if let idempotency, let answer = try Self.ledger.answer(to: idempotency, in: db) { return Data(answer) }
      guard var header = try ProgrammeRecord.fetchOne(db, key: programme.programmeId) else {
        throw InspectionStoreRefusal(
          .notFound, field: "programme_id", "no programme \(programme.programmeId)")
      }
      guard header.latestVersion == baseVersion else {
        throw InspectionStoreRefusal(
          .failedPrecondition, field: "base_version",
          "version \(baseVersion) of \(header.programmeId) is no longer the latest (\(header.latestVersion)); read the latest and replan from it"
        )
      }
      var stored = programme
      stored.version = Int32(clamping: baseVersion + 1)
      try Self.insertVersion(stored, replanRequest: replanRequest, in: db)
      header.latestVersion = baseVersion + 1
      try header.update(db)
      let answer = try respond(stored).wireBytes()
      if let idempotency {
        try Self.ledger.record(answer, for: idempotency, at: stored.createdAt?.date ?? Date(), in: db)
      }
      return Data(answer)
    }
    return try Self.decode(Response.self, bytes, what: "answer to Replan")
  }

  /// The programme `programmeID`, without its versions.
  func header(programmeID: String) async throws -> ProgrammeHeader? {
    try await reading { db in try ProgrammeRecord.fetchOne(db, key: programmeID)?.header }
  }

  /// The last programme numbered for `ownerUnitCode` and `year`.
  func latestHeader(ownerUnitCode: String, year: Int) async throws -> ProgrammeHeader? {
    try await reading { db in
      try ProgrammeRecord
        .filter(Column("owner_unit_code") == ownerUnitCode && Column("year") == year)
        .order(Column("number").desc)
        .fetchOne(db)?
        .header
    }
  }

  /// Version `version` of programme `programmeID`, whole, as it was stored.
  func programme(_ programmeID: String, version: Int) async throws -> InspectionProgramme? {
    let bytes = try await reading { db in
      try ProgrammeVersionRecord.fetchOne(db, key: ["programme_id": programmeID, "version": version])?.programme
    }
    return try bytes.map { bytes in
      try Self.decode(InspectionProgramme.self, bytes, what: "programme \(programmeID) v\(version)")
    }
  }

  /// Up to `limit` programmes, their latest versions summed up, ordered by id after `after`,
  /// filtered by owner and year when given; and how many match the filters in all.
  func summaries(ownerUnitCode: String?, year: Int?, after: String, limit: Int) async throws -> (
    programmes: [InspectionProgrammeSummary], total: Int
  ) {
    try await reading { db in
      let filter = "(?1 IS NULL OR p.owner_unit_code = ?1) AND (?2 IS NULL OR p.year = ?2)"
      let total =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM \(ProgrammeRecord.databaseTableName) p WHERE \(filter)",
          arguments: [ownerUnitCode, year]) ?? 0
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT p.programme_id, p.name, p.owner_unit_code, p.year, p.latest_version,
                 v.visit_count, v.unplaced_count, v.created_at, v.created_by
          FROM \(ProgrammeRecord.databaseTableName) p
          JOIN \(ProgrammeVersionRecord.databaseTableName) v
            ON v.programme_id = p.programme_id AND v.version = p.latest_version
          WHERE \(filter) AND p.programme_id > ?3
          ORDER BY p.programme_id
          LIMIT ?4
          """,
        arguments: [ownerUnitCode, year, after, limit])
      let programmes = rows.map { row in
        InspectionProgrammeSummary(
          programmeId: row["programme_id"], version: Int32(clamping: row["latest_version"] as Int),
          name: row["name"], ownerUnitCode: row["owner_unit_code"], year: Int32(clamping: row["year"] as Int),
          visitCount: Int32(clamping: row["visit_count"] as Int),
          unplacedCount: Int32(clamping: row["unplaced_count"] as Int),
          createdAt: Timestamp(row["created_at"] as Date), createdBy: row["created_by"])
      }
      return (programmes, total)
    }
  }

  /// For each of `unitCodes` (in NFC) that has one, the last day of its last visit ending on
  /// or before `day` (ISO 8601) in the latest version of any programme.
  func lastVisits(unitCodes: [String], onOrBefore day: String) async throws -> [String: String] {
    guard !unitCodes.isEmpty else { return [:] }
    return try await reading { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT v.unit_code, MAX(v.last_day) AS last_day
          FROM \(ProgrammeVisitRecord.databaseTableName) v
          JOIN \(ProgrammeRecord.databaseTableName) p
            ON p.programme_id = v.programme_id AND p.latest_version = v.version
          WHERE v.last_day <= ? AND v.unit_code IN (\(databaseQuestionMarks(count: unitCodes.count)))
          GROUP BY v.unit_code
          """,
        arguments: StatementArguments([day] + unitCodes))
      return Dictionary(
        rows.map { ($0["unit_code"] as String, $0["last_day"] as String) }, uniquingKeysWith: { a, _ in a })
    }
  }

  /// `KTGS-2026-0001`: kiểm tra, giám sát; the year; the number within it.
  static func programmeID(year: Int, number: Int) -> String {
    let digits = String(number)
    return "KTGS-\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
  }

  /// Stores a version and its visits.
  private static func insertVersion(_ programme: InspectionProgramme, replanRequest: [UInt8]?, in db: Database) throws {
    let version = Int(programme.version)
    try ProgrammeVersionRecord(
      programmeId: programme.programmeId, version: version, programme: Data(try programme.wireBytes()),
      visitCount: programme.visits.count, unplacedCount: programme.unplaced.count,
      createdAt: programme.createdAt?.date ?? Date(), createdBy: programme.createdBy,
      replanRequest: replanRequest.map { Data($0) }
    ).insert(db)
    for visit in programme.visits {
      try ProgrammeVisitRecord(
        programmeId: programme.programmeId, version: version, visitId: visit.visitId,
        unitCode: visit.unitCode.precomposedStringWithCanonicalMapping,
        lastDay: visit.lastDay.map(Self.isoDay) ?? ""
      ).insert(db)
    }
  }

  /// `date` as ISO 8601, e.g. `2026-03-02`.
  static func isoDay(_ date: CalendarDate) -> String {
    func padded(_ n: Int32, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))"
  }
}
