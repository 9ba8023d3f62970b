import Foundation
import GRDB
import ReformKit
import ReformModuleTesting
import ReformStore
import Testing

/// Every store opens its file the same way and fails the same way, on real files.
@Suite struct StoreDatabaseTests {
  static var things: StoreMigrations {
    var migrations = StoreMigrations(module: "test")
    migrations.register(1, "things") { db in
      try db.execute(sql: "CREATE TABLE test_things (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    }
    migrations.register(1, "parts") { db in
      try db.execute(
        sql: "CREATE TABLE test_parts (id INTEGER PRIMARY KEY, thing_id INTEGER NOT NULL REFERENCES test_things(id))")
    }
    return migrations
  }

  /// What a test can pin of a store failure: its case and its store, not the engine's detail.
  static func outline(_ failure: StoreFailure?) -> String {
    switch failure {
    case .busy(let store, _): "busy: \(store)"
    case .corrupt(let store, _): "corrupt: \(store)"
    case .failed(let store, _): "failed: \(store)"
    case nil: "no failure"
    }
  }

  struct Refusal: DomainFailure {
    var kind: DomainErrorKind { .failedPrecondition }
    var field: String { "name" }
    var message: String { "not now" }
  }

  @Test func aFileOpensInWALModeWithForeignKeysAndItsMigrationsApplied() async throws {
    let folder = try TemporaryFolder("store")
    let database = try StoreDatabase(path: folder.file("test.sqlite"), name: "test", migrations: Self.things)
    let (journal, foreignKeys, applied) = try await database.read { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
      )
    }
    #expect(journal == "wal")
    #expect(foreignKeys == 1)
    #expect(applied == ["test.v1.parts", "test.v1.things"])
    await #expect(throws: StoreFailure.self) {
      try await database.write { db in try db.execute(sql: "INSERT INTO test_parts (thing_id) VALUES (99)") }
    }
  }

  @Test func syncingEveryCommitSetsSynchronousFull() async throws {
    let folder = try TemporaryFolder("store")
    let synced = try StoreDatabase(
      path: folder.file("synced.sqlite"), name: "test", migrations: Self.things, syncEveryCommit: true)
    let plain = try StoreDatabase(path: folder.file("plain.sqlite"), name: "test", migrations: Self.things)
    #expect(try await synced.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    #expect(try await plain.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
  }

  @Test func aFileReopenedAppliesNothingTwiceAndKeepsItsRows() async throws {
    let folder = try TemporaryFolder("store")
    let first = try StoreDatabase(path: folder.file("test.sqlite"), name: "test", migrations: Self.things)
    try await first.write { db in try db.execute(sql: "INSERT INTO test_things (name) VALUES ('a')") }
    let second = try StoreDatabase(path: folder.file("test.sqlite"), name: "test", migrations: Self.things)
    #expect(try await second.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM test_things") } == 1)
  }

  @Test func aWriteLockHeldByAnotherConnectionIsBusy() async throws {
    let folder = try TemporaryFolder("store")
    let path = folder.file("test.sqlite")
    let database = try StoreDatabase(path: path, name: "test", migrations: Self.things, busyTimeout: 0.2)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let holder = try DatabaseQueue(path: path, configuration: configuration)
    try await holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    let failure = await #expect(throws: StoreFailure.self, "the write went through a held lock") {
      try await database.write { db in try db.execute(sql: "INSERT INTO test_things (name) VALUES ('b')") }
    }
    #expect(Self.outline(failure) == "busy: test")
    // Reads are not blocked by a writer in WAL mode.
    #expect(try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM test_things") } == 0)
    try await holder.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
    try await database.write { db in try db.execute(sql: "INSERT INTO test_things (name) VALUES ('b')") }
  }

  @Test func aRowThatDoesNotDecodeIsCorrupt() async throws {
    let folder = try TemporaryFolder("store")
    let database = try StoreDatabase(path: folder.file("test.sqlite"), name: "test", migrations: Self.things)
    try await database.write { db in try db.execute(sql: "INSERT INTO test_things (id, name) VALUES (1, 'a')") }
    let failure = await #expect(throws: StoreFailure.self, "a NULL decoded as an integer") {
      _ = try await database.read { db in try Row.fetchOne(db, sql: "SELECT NULL AS n").map { row -> Int in try row.decode(Int.self, atIndex: 0) } }
    }
    #expect(Self.outline(failure) == "corrupt: test")
  }

  @Test func anyOtherEngineErrorFailsAndWritesNothing() async throws {
    let folder = try TemporaryFolder("store")
    let database = try StoreDatabase(path: folder.file("test.sqlite"), name: "test", migrations: Self.things)
    let failure = await #expect(throws: StoreFailure.self, "the write succeeded") {
      try await database.write { db in
        try db.execute(sql: "INSERT INTO test_things (name) VALUES ('a')")
        try db.execute(sql: "INSERT INTO no_such_table VALUES (1)")
      }
    }
    #expect(Self.outline(failure) == "failed: test")
    #expect(try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM test_things") } == 0)
  }

  @Test func aDomainFailureAndACancellationPassAsTheyAre() async throws {
    let folder = try TemporaryFolder("store")
    let database = try StoreDatabase(path: folder.file("test.sqlite"), name: "test", migrations: Self.things)
    await #expect(throws: Refusal.self) {
      try await database.write { db in
        try db.execute(sql: "INSERT INTO test_things (name) VALUES ('a')")
        throw Refusal()
      }
    }
    await #expect(throws: CancellationError.self) {
      try await database.read { _ in throw CancellationError() }
    }
    #expect(try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM test_things") } == 0)
  }

  @Test func aFileThatIsNotADatabaseDoesNotOpen() throws {
    let folder = try TemporaryFolder("store")
    let path = folder.file("test.sqlite")
    try Data(repeating: 0x5a, count: 8_192).write(to: URL(fileURLWithPath: path))
    #expect(throws: StoreFailure.self) { try StoreDatabase(path: path, name: "test", migrations: Self.things) }
  }
}
