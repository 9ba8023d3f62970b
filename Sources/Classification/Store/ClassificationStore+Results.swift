import ClassificationDomain
import Foundation
import GRDB
import ReformKit
import ReformWire

extension ClassificationStore {
  /// A page of ratings by unit, subject id and kind, after the key `after`, with the total.
  func resultPage(
    _ scope: ResultScope, _ filter: ResultFilter, after: ResultPageKey?, limit: Int, countTotal: Bool = true
  ) async throws -> (records: [ResultRecord], total: Int) {
    try await read { db in
      var (sql, arguments) = filter.condition(scope)
      let total =
        countTotal
        ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM classification_results WHERE \(sql)", arguments: arguments) ?? 0
        : 0
      if let after {
        sql += " AND (unit_code, subject_id, subject_kind) > (?, ?, ?)"
        arguments += [after.unitCode, after.subjectId, after.subjectKind]
      }
      arguments += [limit]
      let records = try Row.fetchAll(
        db,
        sql: """
          SELECT \(ResultRecord.columns) FROM classification_results WHERE \(sql)
          ORDER BY unit_code, subject_id, subject_kind LIMIT ?
          """, arguments: arguments
      ).map(ResultRecord.init(row:))
      return (records, total)
    }
  }

  /// One subject's rating in `scope`.
  func result(_ scope: ResultScope, kind: Int32, subjectId: String) async throws -> ResultRecord? {
    try await read { db in
      var (sql, arguments) = scope.condition
      arguments += [kind, subjectId]
      return try Row.fetchOne(
        db,
        sql: "SELECT \(ResultRecord.columns) FROM classification_results WHERE \(sql) AND subject_kind = ? AND subject_id = ?",
        arguments: arguments
      ).map(ResultRecord.init(row:))
    }
  }

  /// The ratings of the collectives `unitCodes` in run `runId`.
  func collectiveResults(runId: String, unitCodes: [String]) async throws -> [ResultRecord] {
    guard !unitCodes.isEmpty else { return [] }
    return try await read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT \(ResultRecord.columns) FROM classification_results
          WHERE run_id = ? AND subject_kind = 4 AND subject_id IN (SELECT value FROM json_each(?))
          ORDER BY unit_code, subject_id
          """, arguments: [runId, Self.jsonArray(unitCodes)]
      ).map(ResultRecord.init(row:))
    }
  }

  /// Counts per unit, kind and level in `scope` (kinds as proto numbers; all when empty),
  /// with how many of each the quota demoted.
  func levelCounts(_ scope: ResultScope, kinds: [Int32]) async throws -> [UnitLevelCount] {
    try await read { db in
      let (sql, arguments) = ResultFilter(kinds: kinds).condition(scope)
      return try Row.fetchAll(
        db,
        sql: """
          SELECT unit_code, subject_kind, level, COUNT(*), SUM(quota_demoted) FROM classification_results
          WHERE \(sql) GROUP BY unit_code, subject_kind, level
          """, arguments: arguments
      ).map { row in
        UnitLevelCount(
          unitCode: row[0], subjectKind: try StoredValue.subjectKind(row[1]), level: try StoredChecks.level(UInt8(clamping: row[2] as Int)),
          count: row[3], demoted: row[4])
      }
    }
  }

  /// The current final rating of each subject of `year` of the given kinds, keyed by
  /// ``SubjectKey``: its run and level.
  static func currentFinals(year: Int, kinds: [Int32], in db: Database) throws -> [String: (runId: String, level: Int)] {
    let (sql, arguments) = ResultFilter(kinds: kinds).condition(.current(year: year))
    var finals: [String: (runId: String, level: Int)] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT subject_kind, subject_id, run_id, level FROM classification_results WHERE \(sql)",
      arguments: arguments)
    while let row = try rows.next() { finals[SubjectKey.of(row[0], row[1])] = (row[2], row[3]) }
    return finals
  }

  func currentFinals(year: Int, kinds: [Int32]) async throws -> [String: (runId: String, level: Int)] {
    try await read { db in try Self.currentFinals(year: year, kinds: kinds, in: db) }
  }
}
