import Foundation
import PostgresNIO
import ReformStore
import ReformWire

extension InspectionPostgresStore {
  /// Stores `programme` as version 1 of a new programme, numbered from its year's counter row
  /// held until the transaction ends (see the type's notes), and returns `respond`'s answer —
  /// or, when `idempotency` names a request answered before, that first answer, storing
  /// nothing.
  func createProgramme<Response: WireMessage>(
    _ programme: InspectionProgramme, idempotency: IdempotencyClaim?,
    respond: @escaping @Sendable (InspectionProgramme) -> Response
  ) async throws -> Response {
    let bytes = try await writing { db -> Data in
      if let earlier = try await Self.earlierAnswer(idempotency, db) { return earlier }
      let key = PostgresCounters.Key("programme", "", year: Int(programme.year))
      var counters = try await PostgresCounters.lock([key], in: Self.counters, on: db)
      let (record, stored) = ProgrammeRecord.first(programme, number: Int(counters.next(key)))
      try await db.execute(
        """
        INSERT INTO inspection_programme
          (programme_id, year, number, owner_unit_code, name, latest_version, created_at, created_by)
        VALUES (\(record.programmeId), \(record.year), \(record.number), \(record.ownerUnitCode), \(record.name),
                \(record.latestVersion), \(record.createdAt.microsecondsSince1970), \(record.createdBy))
        """)
      try await Self.insertVersion(stored, replanRequest: nil, db)
      try await counters.save(on: db)
      let answer = try respond(stored).wireBytes()
      if let idempotency { try await Self.ledger.record(answer, for: idempotency, at: record.createdAt, on: db) }
      return Data(answer)
    }
    return try Self.decode(Response.self, bytes, what: "answer to Plan")
  }

  /// Stores `programme` as the version after `baseVersion`, the programme's row locked while
  /// its latest version is compared and moved on (see the type's notes), and returns
  /// `respond`'s answer — or, when `idempotency` names a request answered before, that first
  /// answer, storing nothing.
  func appendVersion<Response: WireMessage>(
    _ programme: InspectionProgramme, baseVersion: Int, replanRequest: [UInt8], idempotency: IdempotencyClaim?,
    respond: @escaping @Sendable (InspectionProgramme) -> Response
  ) async throws -> Response {
    let bytes = try await writing { db -> Data in
      if let earlier = try await Self.earlierAnswer(idempotency, db) { return earlier }
      guard
        let header = try await db.record(
          ProgrammeHeader.self,
          "SELECT * FROM inspection_programme WHERE programme_id = \(programme.programmeId) FOR UPDATE")
      else { throw ProgrammeHeader.missing(programme.programmeId) }
      let stored = try header.version(programme, after: baseVersion)
      try await Self.insertVersion(stored, replanRequest: replanRequest, db)
      try await db.execute(
        "UPDATE inspection_programme SET latest_version = \(Int(stored.version)) WHERE programme_id = \(stored.programmeId)")
      let answer = try respond(stored).wireBytes()
      if let idempotency {
        try await Self.ledger.record(answer, for: idempotency, at: stored.createdAt?.date ?? Date(), on: db)
      }
      return Data(answer)
    }
    return try Self.decode(Response.self, bytes, what: "answer to Replan")
  }

  func header(programmeID: String) async throws -> ProgrammeHeader? {
    try await reading { db in
      try await db.record(ProgrammeHeader.self, "SELECT * FROM inspection_programme WHERE programme_id = \(programmeID)")
    }
  }

  func latestHeader(ownerUnitCode: String, year: Int) async throws -> ProgrammeHeader? {
    try await reading { db in
      try await db.record(
        ProgrammeHeader.self,
        """
        SELECT * FROM inspection_programme WHERE owner_unit_code = \(ownerUnitCode) AND year = \(year)
        ORDER BY number DESC LIMIT 1
        """)
    }
  }

  func programme(_ programmeID: String, version: Int) async throws -> InspectionProgramme? {
    let bytes = try await reading { db in
      try await db.value(
        Data.self,
        "SELECT programme FROM inspection_programme_version WHERE programme_id = \(programmeID) AND version = \(version)")
    }
    return try bytes.map { bytes in
      try Self.decode(InspectionProgramme.self, bytes, what: "programme \(programmeID) v\(version)")
    }
  }

  func summaries(ownerUnitCode: String?, year: Int?, after: String, limit: Int) async throws -> (
    programmes: [InspectionProgrammeSummary], total: Int
  ) {
    try await reading { db in
      var filter: PostgresStatement = "TRUE"
      if let ownerUnitCode { filter.append(" AND p.owner_unit_code = \(ownerUnitCode)") }
      if let year { filter.append(" AND p.year = \(year)") }
      let total = try await db.value(Int64.self, "SELECT COUNT(*) FROM inspection_programme p WHERE \(filter)") ?? 0
      let rows = try await db.rows(
        "\(sql: ProgrammeSummaryRow.select) WHERE \(filter) AND p.programme_id > \(after) ORDER BY p.programme_id LIMIT \(limit)")
      let programmes = try rows.map { row in
        ProgrammeSummaryRow(
          programmeId: try row["programme_id"].decode(String.self), name: try row["name"].decode(String.self),
          ownerUnitCode: try row["owner_unit_code"].decode(String.self), year: try row["year"].decode(Int.self),
          latestVersion: try row["latest_version"].decode(Int.self), visitCount: try row["visit_count"].decode(Int.self),
          unplacedCount: try row["unplaced_count"].decode(Int.self),
          createdAt: Date(microsecondsSince1970: try row["created_at"].decode(Int64.self)),
          createdBy: try row["created_by"].decode(String.self)
        ).summary
      }
      return (programmes, Int(total))
    }
  }

  func lastVisits(unitCodes: [String], onOrBefore day: String) async throws -> [String: String] {
    guard !unitCodes.isEmpty else { return [:] }
    return try await reading { db in
      let rows = try await db.rows(
        """
        SELECT v.unit_code, MAX(v.last_day) AS last_day \(sql: ProgrammeVisitRecord.ofLatestVersions)
        WHERE v.last_day <= \(day) AND v.unit_code = ANY(\(unitCodes))
        GROUP BY v.unit_code
        """)
      var found: [String: String] = [:]
      for row in rows { found[try row["unit_code"].decode(String.self)] = try row["last_day"].decode(String.self) }
      return found
    }
  }

  /// Stores a version and its visits, the visits in one statement.
  private static func insertVersion(
    _ programme: InspectionProgramme, replanRequest: [UInt8]?, _ db: PostgresConnection
  ) async throws {
    let version = try ProgrammeVersionRecord(programme, replanRequest: replanRequest)
    try await db.execute(
      """
      INSERT INTO inspection_programme_version
        (programme_id, version, programme, visit_count, unplaced_count, created_at, created_by, replan_request)
      VALUES (\(version.programmeId), \(version.version), \(version.programme), \(version.visitCount),
              \(version.unplacedCount), \(version.createdAt.microsecondsSince1970), \(version.createdBy),
              \(version.replanRequest))
      """)
    let visits = ProgrammeVisitRecord.visits(of: programme)
    guard !visits.isEmpty else { return }
    try await db.execute(
      """
      INSERT INTO inspection_programme_visit (programme_id, version, visit_id, unit_code, last_day)
      SELECT \(version.programmeId), \(version.version), visit_id, unit_code, last_day
      FROM unnest(\(visits.map(\.visitId))::text[], \(visits.map(\.unitCode))::text[], \(visits.map(\.lastDay))::text[])
        AS visit (visit_id, unit_code, last_day)
      """)
  }
}
