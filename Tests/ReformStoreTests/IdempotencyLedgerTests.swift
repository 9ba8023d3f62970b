import Foundation
import GRDB
import ReformKit
import ReformModuleTesting
import ReformStore
import Testing

/// A keyed write is answered once: a repeat gets the first answer and writes nothing, the key
/// with another request is refused on `idempotency_key`, and the entry commits with its write.
@Suite struct IdempotencyLedgerTests {
  /// The tables each module created before the ledger was shared, exactly as released.
  static let releasedTables: [(IdempotencyLayout, String)] = [
    (
      .registry,
      """
      CREATE TABLE registry_idempotency (
        caller TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, fingerprint BLOB NOT NULL,
        response BLOB NOT NULL, recorded_at REAL NOT NULL, PRIMARY KEY (caller, key));
      """
    ),
    (
      .classification,
      """
      CREATE TABLE classification_idempotency (
        method TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, response BLOB NOT NULL,
        created_at INTEGER NOT NULL, PRIMARY KEY (method, key));
      """
    ),
    (
      .exchange,
      """
      CREATE TABLE exchange_idempotency (
        method TEXT NOT NULL, unit_code TEXT NOT NULL, idempotency_key TEXT NOT NULL, fingerprint BLOB NOT NULL,
        response BLOB NOT NULL, created_us INTEGER NOT NULL, PRIMARY KEY (method, unit_code, idempotency_key))
      """
    ),
    (
      .inspection,
      """
      CREATE TABLE inspection_idempotency (
        method TEXT NOT NULL, key TEXT NOT NULL, fingerprint BLOB NOT NULL, response BLOB NOT NULL,
        created_at DATETIME NOT NULL, PRIMARY KEY (method, key))
      """
    ),
  ]

  /// A store of one table of writes and `layout`'s ledger.
  static func database(_ folder: TemporaryFolder, _ layout: IdempotencyLayout, create: String? = nil) throws -> StoreDatabase {
    var migrations = StoreMigrations(module: "test")
    migrations.register(1, "writes") { db in try db.execute(sql: "CREATE TABLE test_writes (body TEXT NOT NULL)") }
    migrations.register(1, "idempotency") { db in
      if let create { try db.execute(sql: create) } else { try layout.createTable(in: db) }
    }
    return try StoreDatabase(path: folder.file("test.sqlite"), name: "test", migrations: migrations)
  }

  /// A keyed write of `body` under `ledger`: the row and the ledger entry in one transaction.
  static func write(
    _ body: String, key: String, scope: String = "u1", method: String = "Send", ledger: IdempotencyLedger,
    in database: StoreDatabase, fail: Bool = false
  ) async throws -> (answer: String, replayed: Bool) {
    let claim = try IdempotencyClaim(method: method, scope: scope, key: key, request: Array(body.utf8))
    let (bytes, replayed) = try await database.write { db in
      try ledger.once(claim, at: Date(timeIntervalSince1970: 1_780_000_000), in: db) {
        try db.execute(sql: "INSERT INTO test_writes (body) VALUES (?)", arguments: [body])
        if fail { throw CancellationError() }
        return Array("wrote \(body)".utf8)
      }
    }
    return (String(decoding: bytes, as: UTF8.self), replayed)
  }

  static func writes(_ database: StoreDatabase) async throws -> Int {
    try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM test_writes") ?? 0 }
  }

  @Test("each module's released table keeps working", arguments: 0..<4)
  func aRepeatIsAnsweredFromTheLedgerAndWritesNothing(_ index: Int) async throws {
    let (layout, table) = Self.releasedTables[index]
    let folder = try TemporaryFolder("ledger")
    let database = try Self.database(folder, layout, create: table)
    let ledger = IdempotencyLedger(layout)
    let first = try await Self.write("a", key: "k1", ledger: ledger, in: database)
    #expect(first.answer == "wrote a")
    #expect(!first.replayed)
    let again = try await Self.write("a", key: "k1", ledger: ledger, in: database)
    #expect(again.answer == "wrote a")
    #expect(again.replayed)
    #expect(try await Self.writes(database) == 1)

    do {
      _ = try await Self.write("b", key: "k1", ledger: ledger, in: database)
      Issue.record("a key answered twice for different requests")
    } catch let refusal as IdempotencyRefusal {
      #expect(refusal.kind == .alreadyExists)
      #expect(FieldPath.proto(refusal.field) == "idempotency_key")
      #expect(refusal.message.contains("k1"))
    }
    #expect(try await Self.writes(database) == 1)
  }

  /// The modules' migrations create their ledgers from their layouts: the same columns, types,
  /// nullability and primary key as the tables released before.
  @Test("each module's layout creates its released table", arguments: 0..<4)
  func aLayoutCreatesTheReleasedTable(_ index: Int) throws {
    let (layout, released) = Self.releasedTables[index]
    func columns(_ create: String) throws -> [[String]] {
      try DatabaseQueue().write { db in
        try db.execute(sql: create)
        return try Row.fetchAll(db, sql: "PRAGMA table_info(\(layout.table))").map { row in
          [row["name"], row["type"], "\(row["notnull"] as Int)", "\(row["pk"] as Int)"]
        }
      }
    }
    #expect(try columns(layout.createTableSQL()) == columns(released))
  }

  @Test func theRefusalOfAReusedKeyHasTheLedgersClass() async throws {
    let folder = try TemporaryFolder("ledger")
    let database = try Self.database(folder, IdempotencyLayout(table: "test_idempotency"))
    let ledger = IdempotencyLedger(IdempotencyLayout(table: "test_idempotency"), conflict: .failedPrecondition)
    _ = try await Self.write("a", key: "k1", ledger: ledger, in: database)
    await #expect(throws: IdempotencyRefusal.key(.failedPrecondition, "\"k1\" was already used for a different Send request; use a new key for a new request")) {
      try await Self.write("b", key: "k1", ledger: ledger, in: database)
    }
  }

  @Test func keysOfOtherScopesAndMethodsNeverMeet() async throws {
    let folder = try TemporaryFolder("ledger")
    let layout = IdempotencyLayout(table: "test_idempotency")
    let database = try Self.database(folder, layout)
    let ledger = IdempotencyLedger(layout)
    _ = try await Self.write("a", key: "k1", scope: "u1", ledger: ledger, in: database)
    #expect(try await Self.write("b", key: "k1", scope: "u2", ledger: ledger, in: database).replayed == false)
    #expect(try await Self.write("c", key: "k1", scope: "u1", method: "Recall", ledger: ledger, in: database).replayed == false)
    #expect(try await Self.writes(database) == 3)
  }

  @Test func aKeyPerCallerAcrossMethodsIsRefusedForAnotherMethod() async throws {
    let folder = try TemporaryFolder("ledger")
    let (layout, table) = Self.releasedTables[0]
    let database = try Self.database(folder, layout, create: table)
    let ledger = IdempotencyLedger(layout)
    _ = try await Self.write("a", key: "k1", method: "CreateUnit", ledger: ledger, in: database)
    await #expect(throws: IdempotencyRefusal.self) {
      try await Self.write("a", key: "k1", method: "UpdateUnit", ledger: ledger, in: database)
    }
    #expect(try await Self.write("a", key: "k1", scope: "u2", method: "UpdateUnit", ledger: ledger, in: database).replayed == false)
  }

  @Test func aWriteThatFailsLeavesNoEntrySoTheKeyStaysFree() async throws {
    let folder = try TemporaryFolder("ledger")
    let layout = IdempotencyLayout(table: "test_idempotency")
    let database = try Self.database(folder, layout)
    let ledger = IdempotencyLedger(layout)
    await #expect(throws: CancellationError.self) {
      try await Self.write("a", key: "k1", ledger: ledger, in: database, fail: true)
    }
    #expect(try await Self.writes(database) == 0)
    #expect(try await Self.write("b", key: "k1", ledger: ledger, in: database).replayed == false)
  }

  @Test func noKeyMeansNoClaimAndTheWriteRunsEachTime() async throws {
    #expect(try IdempotencyClaim(method: "Send", key: "", request: [1]) == nil)
    let folder = try TemporaryFolder("ledger")
    let layout = IdempotencyLayout(table: "test_idempotency")
    let database = try Self.database(folder, layout)
    let ledger = IdempotencyLedger(layout)
    for _ in 0..<2 {
      _ = try await database.write { db in
        try ledger.once(nil, at: Date(), in: db) {
          try db.execute(sql: "INSERT INTO test_writes (body) VALUES ('x')")
          return []
        }
      }
    }
    #expect(try await Self.writes(database) == 2)
  }

  @Test func aKeyLongerThan200BytesIsRefusedAsInvalid() throws {
    #expect(try IdempotencyClaim(method: "Send", key: String(repeating: "k", count: 200), request: []) != nil)
    do {
      _ = try IdempotencyClaim(method: "Send", key: String(repeating: "k", count: 201), request: [])
      Issue.record("a long key was taken")
    } catch {
      #expect(error.kind == .invalidArgument)
      #expect(error.field == "idempotencyKey")
    }
  }

  @Test func theFingerprintIsTheSHA256OfTheRequest() throws {
    let claim = try #require(try IdempotencyClaim(method: "Send", key: "k", request: Array("abc".utf8)))
    let hex = claim.fingerprint.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
