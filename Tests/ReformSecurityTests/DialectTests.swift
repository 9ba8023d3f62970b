import Foundation
import ReformModuleTesting
import ReformStore
import Testing

@testable import ReformSecurity

/// The token store's and the audit log's SQLite and PostgreSQL migrations, applied to empty
/// stores, give the same tables with the same columns, types and NULL rules — but for the
/// counter row of the audit sequence, which only PostgreSQL keeps, and for the tokens' times,
/// which SQLite keeps as GRDB's text dates and PostgreSQL as microseconds since 1970.
@Suite("Security store dialects", .needsPostgres)
struct DialectTests {
  /// The columns that hold times: `DATETIME` on SQLite, `BIGINT` on PostgreSQL.
  static let times: Set<String> = ["token.created_at", "token.expires_at", "token.revoked_at", "token.last_used_at"]

  @Test func bothDialectsMigrateToTheSameTablesAndColumns() async throws {
    try await withTemporaryDirectory { directory throws in
      let postgres = try TestStore.freshPostgres("security_shape")
      let sqliteTokens = StoreLocation.sqlite(path: directory + "/coordinator.sqlite")
      let sqliteAudit = StoreLocation.sqlite(path: directory + "/audit.sqlite")
      // Migrations run when a store opens (SQLite) or before its first operation (PostgreSQL).
      for (tokens, audit) in [(sqliteTokens, sqliteAudit), (postgres, postgres)] {
        _ = try await TokenStore(store: tokens).list(.init())
        _ = try await AuditLog(store: audit).query(.init())
      }

      var postgresShape = try await TestStore.schemaShape(postgres, prefix: "token")
        .merging(try await TestStore.schemaShape(postgres, prefix: "audit_")) { first, _ in first }
      let counters = postgresShape.removeValue(forKey: "audit_counters")
      #expect(counters != nil, "PostgreSQL keeps the audit sequence's counter row in audit_counters")
      var sqliteShape = try await TestStore.schemaShape(sqliteTokens, prefix: "token")
        .merging(try await TestStore.schemaShape(sqliteAudit, prefix: "audit_")) { first, _ in first }
      #expect(TestStore.timesAsMicroseconds(&sqliteShape) == Self.times)
      #expect(sqliteShape.keys.sorted() == ["audit_entry", "token"])
      #expect(sqliteShape.keys.sorted() == postgresShape.keys.sorted())
      for table in sqliteShape.keys.sorted() {
        #expect(sqliteShape[table] == postgresShape[table], "\(table) differs between the dialects")
      }
    }
  }
}
