import Foundation
import GRDB
import ReformStore
import ReformWire

extension ClassificationStore {
  /// Every rule set operators loaded, by id then version.
  func ruleSetRecords() async throws -> [RuleSetRecord] {
    try await read { db in try Self.ruleSetRecords(in: db) }
  }

  static func ruleSetRecords(in db: Database) throws -> [RuleSetRecord] {
    try Row.fetchAll(db, sql: "SELECT \(RuleSetRecord.columns) FROM classification_rule_sets ORDER BY id, version")
      .map(RuleSetRecord.init(row:))
  }

  /// The highest version loaded under `id`; 0 when none.
  static func latestRuleSetVersion(id: String, in db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT MAX(version) FROM classification_rule_sets WHERE id = ?", arguments: [id]) ?? 0
  }

  /// Loads `record`, after `check` has accepted the latest version loaded under its id (0
  /// when none), read in the same transaction: another worker may have loaded one meanwhile.
  func defineRuleSet(
    _ record: RuleSetRecord, check: @escaping @Sendable (_ latestLoaded: Int) throws -> Void,
    idempotency: IdempotencyClaim?, response: ClassificationDefineRuleSetResponse
  ) async throws -> ClassificationDefineRuleSetResponse {
    try await write(idempotency: idempotency) { db in
      try check(try Self.latestRuleSetVersion(id: record.id, in: db))
      try Self.insert(record, in: db)
      return response
    }
  }

  static func insert(_ record: RuleSetRecord, in db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO classification_rule_sets (\(RuleSetRecord.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        record.id, record.version, record.content, record.contentSHA256, record.effectiveFrom, record.effectiveTo,
        record.loadedAtMillis, record.loadedBy.map { Data($0) },
      ])
  }
}
