import Foundation
import PostgresNIO
import ReformStore
import ReformWire

extension ClassificationPostgresStore {
  func ruleSetRecords() async throws -> [RuleSetRecord] {
    try await read { db in
      try await db.rows("SELECT \(sql: RuleSetRecord.columns) FROM classification_rule_sets ORDER BY id, version")
        .map(RuleSetRecord.init(postgres:))
    }
  }

  /// Loads `record` after `check` accepted the latest version loaded under its id, read once
  /// the advisory lock of that id is held: another worker defining the same id waits, and then
  /// sees the version this one loaded.
  func defineRuleSet(
    _ record: RuleSetRecord, check: @escaping @Sendable (_ latestLoaded: Int) throws -> Void,
    idempotency: IdempotencyClaim?, response: ClassificationDefineRuleSetResponse
  ) async throws -> ClassificationDefineRuleSetResponse {
    try await write(idempotency: idempotency) { db in
      try await Self.advisoryLocks(["rule_set\u{1F}" + record.id], db)
      let latest = try await db.value(
        Int64.self, "SELECT COALESCE(MAX(version), 0)::bigint FROM classification_rule_sets WHERE id = \(record.id)")
      try check(Int(latest ?? 0))
      try await db.execute(
        """
        INSERT INTO classification_rule_sets (\(sql: RuleSetRecord.columns))
        VALUES (\(record.id), \(record.version), \(record.content), \(record.contentSHA256), \(record.effectiveFrom), \
        \(record.effectiveTo), \(record.loadedAtMillis), \(record.loadedBy.map { Data($0) }))
        """)
      return response
    }
  }
}
