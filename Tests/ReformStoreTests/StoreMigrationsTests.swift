import Foundation
import GRDB
import ReformModuleTesting
import ReformStore
import Testing

/// One migration id scheme, and files of an older scheme still open.
@Suite struct StoreMigrationsTests {
  @Test func idsAreModuleVersionWhat() {
    var migrations = StoreMigrations(module: "exchange")
    migrations.register(1, "documents") { _ in }
    migrations.register(2, "notice-index") { _ in }
    #expect(migrations.ids == ["exchange.v1.documents", "exchange.v2.notice-index"])
    #expect(StoreMigrations.id(module: "registry", version: 1, what: "units") == "registry.v1.units")
  }

  /// The tokens' first release: `v1: token`, the table made by it, a row.
  private static func oldFile(at path: String) throws {
    var old = DatabaseMigrator()
    old.registerMigration("v1: token") { db in
      try db.execute(sql: "CREATE TABLE token (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL)")
    }
    let queue = try DatabaseQueue(path: path)
    try old.migrate(queue)
    try queue.write { db in try db.execute(sql: "INSERT INTO token (id, name) VALUES ('tok_1', 'first')") }
  }

  private static var renamed: StoreMigrations {
    var migrations = StoreMigrations(module: "tokens")
    migrations.register(1, "token") { db in
      try db.execute(sql: "CREATE TABLE token (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL)")
    }
    migrations.register(2, "note") { db in
      try db.execute(sql: "ALTER TABLE token ADD COLUMN note TEXT NOT NULL DEFAULT ''")
    }
    migrations.renaming("v1: token", to: "tokens.v1.token")
    return migrations
  }

  @Test func aFileMigratedUnderOldIdsOpensWithItsRowsAndTakesOnlyTheNewMigrations() async throws {
    let folder = try TemporaryFolder("migrations")
    let path = folder.file("coordinator.sqlite")
    try Self.oldFile(at: path)

    let database = try StoreDatabase(path: path, name: "tokens", migrations: Self.renamed)
    let (applied, rows) = try await database.read { db in
      (
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
        try Row.fetchAll(db, sql: "SELECT name, note FROM token").map { row -> [String] in [row["name"], row["note"]] }
      )
    }
    #expect(applied == ["tokens.v1.token", "tokens.v2.note"])
    #expect(rows == [["first", ""]])

    // Opened again, nothing is renamed or applied twice.
    let again = try StoreDatabase(path: path, name: "tokens", migrations: Self.renamed)
    #expect(try await again.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 2)
  }

  @Test func aNewFileRecordsOnlyTheNewIds() async throws {
    let folder = try TemporaryFolder("migrations")
    let database = try StoreDatabase(path: folder.file("new.sqlite"), name: "tokens", migrations: Self.renamed)
    let applied = try await database.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
    }
    #expect(applied == ["tokens.v1.token", "tokens.v2.note"])
  }
}
