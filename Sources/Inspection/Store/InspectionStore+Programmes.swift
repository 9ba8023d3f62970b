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
  /// (`KTGS-2026-0001`) and version. The number is one past the year's highest, read in the
  /// write transaction: SQLite lets one writer in at a time, so no two programmes take it.
  func createProgramme<Response: WireMessage>(
    _ programme: InspectionProgramme, idempotency: IdempotencyClaim?,
    respond: @escaping @Sendable (InspectionProgramme) -> Response
  ) async throws -> Response {
    let bytes = try await writing { db -> Data in
      if let idempotency, let answer = try Self.ledger.answer(to: idempotency, in: db) { return Data(answer) }
      let last = try Int.fetchOne(
        db, sql: "SELECT MAX(number) FROM \(ProgrammeRecord.databaseTableName) WHERE year = ?",
        arguments: [Int(programme.year)])
      let (record, stored) = ProgrammeRecord.first(programme, number: (last ?? 0) + 1)
      try record.insert(db)
      try Self.insertVersion(stored, replanRequest: nil, in: db)
      let answer = try respond(stored).wireBytes()
      if let idempotency { try Self.ledger.record(answer, for: idempotency, at: record.createdAt, in: db) }
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
      guard var record = try ProgrammeRecord.fetchOne(db, key: programme.programmeId) else {
        throw ProgrammeHeader.missing(programme.programmeId)
      }
      let stored = try record.header.version(programme, after: baseVersion)
      try Self.insertVersion(stored, replanRequest: replanRequest, in: db)
      record.latestVersion = Int(stored.version)
      try record.update(db)
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
        db, sql: "\(ProgrammeSummaryRow.select) WHERE \(filter) AND p.programme_id > ?3 ORDER BY p.programme_id LIMIT ?4",
        arguments: [ownerUnitCode, year, after, limit])
      let programmes = rows.map { row in
        ProgrammeSummaryRow(
          programmeId: row["programme_id"], name: row["name"], ownerUnitCode: row["owner_unit_code"], year: row["year"],
          latestVersion: row["latest_version"], visitCount: row["visit_count"], unplacedCount: row["unplaced_count"],
          createdAt: row["created_at"], createdBy: row["created_by"]
        ).summary
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
          SELECT v.unit_code, MAX(v.last_day) AS last_day \(ProgrammeVisitRecord.ofLatestVersions)
          WHERE v.last_day <= ? AND v.unit_code IN (\(databaseQuestionMarks(count: unitCodes.count)))
          GROUP BY v.unit_code
          """,
        arguments: StatementArguments([day] + unitCodes))
      return Dictionary(
        rows.map { ($0["unit_code"] as String, $0["last_day"] as String) }, uniquingKeysWith: { a, _ in a })
    }
  }

  /// Stores a version and its visits.
  private static func insertVersion(_ programme: InspectionProgramme, replanRequest: [UInt8]?, in db: Database) throws {
    try ProgrammeVersionRecord(programme, replanRequest: replanRequest).insert(db)
    for visit in ProgrammeVisitRecord.visits(of: programme) { try visit.insert(db) }
  }
}
