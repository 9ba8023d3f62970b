import Foundation
import PostgresNIO
import ReformKit
import ReformStore
import Testing

/// What keeps concurrent writes on PostgreSQL correct without SQLite's single writer: counter
/// rows locked for the transaction (gapless numbers, none lost to a rollback) and an advisory
/// lock per idempotency key (a request run once, however many workers receive it at once).
@Suite struct PostgresLockingTests {
  static let key = PostgresCounters.Key("arrival", "u1", year: 2026)

  static let counterTables = PostgresTestServer.migrations([
    "counters":
      "CREATE TABLE counters (counter TEXT NOT NULL, scope TEXT NOT NULL, year BIGINT NOT NULL, value BIGINT NOT NULL, PRIMARY KEY (counter, scope, year))",
    "taken": "CREATE TABLE taken (number BIGINT NOT NULL UNIQUE)",
  ])

  /// Takes the next number of ``key`` in `db`'s transaction and keeps it in `taken`.
  static func take(_ db: PostgresConnection) async throws -> Int64 {
    var counters = try await PostgresCounters.lock([key], in: "counters", on: db)
    let number = counters.next(key)
    try await db.execute("INSERT INTO taken (number) VALUES (\(number))")
    try await counters.save(on: db)
    return number
  }

  static func taken(_ store: PostgresStore) async throws -> [Int64] {
    try await store.read { db in
      try await db.rows("SELECT number FROM taken ORDER BY number").map { try $0["number"].decode(Int64.self) }
    }
  }

  @Test(.needsPostgres) func concurrentTakersGetEveryNumberOnce() async throws {
    try await PostgresTestServer.withStore(Self.counterTables, poolSize: 8) { store in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<8 {
          group.addTask { for _ in 0..<50 { _ = try await store.write { db in try await Self.take(db) } } }
        }
        try await group.waitForAll()
      }
      #expect(try await Self.taken(store) == Array(1...400))
      let current = try await store.read { db in try await db.value(Int64.self, "SELECT value FROM counters") }
      #expect(current == 400)
    }
  }

  struct Abandoned: Error { let number: Int64 }

  /// A transaction that takes a number and then fails gives it back: the taker waiting for the
  /// row gets the same number.
  @Test(.needsPostgres) func aNumberTakenByAFailedWriteIsTakenAgain() async throws {
    try await PostgresTestServer.withStore(Self.counterTables) { store in
      #expect(try await store.write { db in try await Self.take(db) } == 1)
      let (locked, holding) = AsyncStream<Int64>.makeStream()
      async let failed: Void = store.write { db in
        let number = try await Self.take(db)
        holding.yield(number)
        try await Task.sleep(for: .milliseconds(300))
        throw Abandoned(number: number)
      }
      var events = locked.makeAsyncIterator()
      let given = await events.next()
      #expect(given == 2)
      // Waits for the failing write's row lock, then reads the value it rolled back to.
      let next = try await store.write { db in try await Self.take(db) }
      do {
        try await failed
        Issue.record("the failing write did not fail")
      } catch is Abandoned {}
      #expect(next == 2)
      #expect(try await Self.taken(store) == [1, 2])
    }
  }

  static let ledgerTables = PostgresTestServer.migrations([
    "bodies": "CREATE TABLE bodies (who TEXT NOT NULL)",
    "idempotency": """
      CREATE TABLE exchange_idempotency (
        method TEXT NOT NULL, unit_code TEXT NOT NULL, idempotency_key TEXT NOT NULL, fingerprint BYTEA NOT NULL,
        response BYTEA NOT NULL, created_us BIGINT NOT NULL, PRIMARY KEY (method, unit_code, idempotency_key))
      """,
  ])

  static let ledger = IdempotencyLedger(.exchange)

  /// A keyed write by `who`: its body (a row, then a pause so that others arrive meanwhile) and
  /// its answer, or the answer stored for `claim`.
  static func keyedWrite(_ who: String, _ claim: IdempotencyClaim, _ store: PostgresStore) async throws
    -> (answer: String, replayed: Bool)
  {
    try await store.write { db in
      try await ledger.lock(claim, on: db)
      if let earlier = try await ledger.answer(to: claim, on: db) { return (String(decoding: earlier, as: UTF8.self), true) }
      try await db.execute("INSERT INTO bodies (who) VALUES (\(who))")
      try await Task.sleep(for: .milliseconds(200))
      try await ledger.record(Array("sent by \(who)".utf8), for: claim, at: Date(), on: db)
      return ("sent by \(who)", false)
    }
  }

  @Test(.needsPostgres) func aKeyedWriteRunsOnceWhenTwoArriveTogether() async throws {
    try await PostgresTestServer.withStore(Self.ledgerTables) { store in
      let claim = IdempotencyClaim(method: "Send", scope: "u1", key: "k-1", fingerprint: Array(repeating: 7, count: 32))
      async let first = Self.keyedWrite("first", claim, store)
      async let second = Self.keyedWrite("second", claim, store)
      let answers = try await [first, second]
      let ran = answers.filter { !$0.replayed }
      #expect(ran.count == 1)
      #expect(Set(answers.map(\.answer)).count == 1, "the repeat is answered with the first answer: \(answers)")
      let bodies = try await store.read { db in
        try await db.rows("SELECT who FROM bodies").map { try $0["who"].decode(String.self) }
      }
      #expect(bodies.map { "sent by \($0)" } == ran.map(\.answer))

      // Later, the same key with another request is refused; another unit's same key is its own.
      var other = claim
      other.fingerprint = Array(repeating: 8, count: 32)
      await #expect(throws: IdempotencyRefusal.self) { try await Self.keyedWrite("third", other, store) }
      var elsewhere = other
      elsewhere.scope = "u2"
      #expect(try await Self.keyedWrite("fourth", elsewhere, store) == ("sent by fourth", false))
      #expect(try await Self.keyedWrite("fifth", claim, store) == (answers[0].answer, true))
      let count = try await store.read { db in try await db.value(Int64.self, "SELECT COUNT(*) FROM bodies") }
      #expect(count == 2)
    }
  }
}
