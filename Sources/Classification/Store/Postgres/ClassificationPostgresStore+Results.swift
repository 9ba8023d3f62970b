import ClassificationDomain
import Foundation
import PostgresNIO
import ReformKit
import ReformStore

extension ClassificationPostgresStore {
  func resultPage(
    _ scope: ResultScope, _ filter: ResultFilter, after: ResultPageKey?, limit: Int, countTotal: Bool
  ) async throws -> (records: [ResultRecord], total: Int) {
    try await read { db in
      var condition = filter.postgresCondition(scope)
      let total =
        countTotal
        ? Int(try await db.value(Int64.self, "SELECT COUNT(*) FROM classification_results WHERE \(condition)") ?? 0) : 0
      if let after {
        condition.append(
          " AND (unit_code, subject_id, subject_kind) > (\(after.unitCode), \(after.subjectId), \(Int64(after.subjectKind)))")
      }
      let records = try await db.rows(
        """
        SELECT \(sql: ResultRecord.columns) FROM classification_results WHERE \(condition)
        ORDER BY unit_code, subject_id, subject_kind LIMIT \(limit)
        """
      ).map(ResultRecord.init(postgres:))
      return (records, total)
    }
  }

  func result(_ scope: ResultScope, kind: Int32, subjectId: String) async throws -> ResultRecord? {
    try await read { db in
      try await db.rows(
        """
        SELECT \(sql: ResultRecord.columns) FROM classification_results
        WHERE \(scope.postgresCondition) AND subject_kind = \(Int64(kind)) AND subject_id = \(subjectId)
        """
      ).first.map(ResultRecord.init(postgres:))
    }
  }

  func collectiveResults(runId: String, unitCodes: [String]) async throws -> [ResultRecord] {
    guard !unitCodes.isEmpty else { return [] }
    return try await read { db in
      try await db.rows(
        """
        SELECT \(sql: ResultRecord.columns) FROM classification_results
        WHERE run_id = \(runId) AND subject_kind = 4 AND subject_id = ANY(\(unitCodes))
        ORDER BY unit_code, subject_id
        """
      ).map(ResultRecord.init(postgres:))
    }
  }

  func levelCounts(_ scope: ResultScope, kinds: [Int32]) async throws -> [UnitLevelCount] {
    try await read { db in
      try await db.rows(
        """
        SELECT unit_code, subject_kind, level, COUNT(*), SUM(quota_demoted)::bigint FROM classification_results
        WHERE \(ResultFilter(kinds: kinds).postgresCondition(scope)) GROUP BY unit_code, subject_kind, level
        """
      ).map { row in
        UnitLevelCount(
          unitCode: try row.text(0), subjectKind: try StoredValue.subjectKind(try row.integer(1)),
          level: try StoredChecks.level(try row.integer(2)), count: try row.integer(3), demoted: try row.integer(4))
      }
    }
  }

  /// The current final rating of each subject of `year` of the given kinds, keyed by
  /// ``SubjectKey``: its run and level.
  static func currentFinals(year: Int, kinds: [Int32], _ db: PostgresConnection) async throws
    -> [String: (runId: String, level: Int)]
  {
    var finals: [String: (runId: String, level: Int)] = [:]
    for row in try await db.rows(
      """
      SELECT subject_kind, subject_id, run_id, level FROM classification_results
      WHERE \(ResultFilter(kinds: kinds).postgresCondition(.current(year: year)))
      """)
    {
      finals[SubjectKey.of(try row.integer(0), try row.text(1))] = (try row.text(2), try row.integer(3))
    }
    return finals
  }

  func currentFinals(year: Int, kinds: [Int32]) async throws -> [String: (runId: String, level: Int)] {
    try await read { db in try await Self.currentFinals(year: year, kinds: kinds, db) }
  }
}
