import Foundation
import PostgresNIO
import ReformKit
import ReformStore
import ReformWire

/// The classification module's tables on PostgreSQL (``ClassificationStoring``), for workers on
/// several hosts sharing one database: the same tables, records and answers as
/// ``ClassificationStore``, kept correct under concurrent writers by explicit locks rather than
/// by SQLite's single writer.
///
/// Every write is one `READ COMMITTED` transaction, re-run on a deadlock or serialization
/// failure (ReformStore's `PostgresStore`); each reads what it decides on after taking its
/// locks, and each statement after a lock sees what the lock's previous holder committed. How
/// each write stays correct when workers on several hosts run it at once:
/// - **A keyed write** (any write with an idempotency key) first takes the advisory lock of
///   its key, then reads the ledger: a repeat running at the same moment on another worker
///   waits, then answers what the first stored, and writes nothing.
/// - **SubmitEvaluations** takes the advisory lock of every evaluation it writes or checks
///   (year, kind, subject), in one order, before the owners' check and the writes: two
///   submissions of one subject run one after the other, so each replaced evaluation moves to
///   the history under its own revision and the next takes the one after; none is lost, and a
///   submission racing another cannot slip past the owners' check. The unit links are upserts.
/// - **Run** locks the `run` counter row (``PostgresCounters``) before anything else: runs are
///   numbered gaplessly in commit order, and a FINAL run reads the current final ratings only
///   once it holds the row, so it sees every final run committed before it; two final runs
///   cannot both supersede (or both lock) one subject's rating, and the second without a rerun
///   reason is refused as it would be after the first on SQLite.
/// - **GrantQuotaException** locks the `exception` counter row, which numbers exceptions,
///   before it reads the year's live exceptions: two grants for one unit and duty group
///   cannot both pass. **RevokeQuotaException** locks the exception's row (`FOR UPDATE`).
/// - **DefineRuleSet** takes the advisory lock of the set's id before it reads the latest
///   version loaded: two definitions of one id cannot both take the next version.
///
/// ## Topics
/// - Opening: ``init(settings:schema:)``, ``ClassificationMigrations/postgres``
/// - Reading and writing: ``read(_:)``, ``write(idempotency:_:)``, ``replay(_:as:)``
/// - Tables: the extensions `ClassificationPostgresStore+Evaluations`, `+Exceptions`, `+Runs`,
///   `+Results`, `+RuleSets`.
final class ClassificationPostgresStore: ClassificationStoring {
  /// The counters' table: `run` and `exception`, each one row.
  static let counters = "classification_counters"

  let database: PostgresStore

  /// A pool to `settings`' server for the tables in `schema`; migrations are applied before the
  /// first operation.
  init(settings: PostgresSettings, schema: String = "classification") throws {
    database = try PostgresStore(
      settings: settings, name: StoreFailure.classificationStore, schema: schema,
      migrations: ClassificationMigrations.postgres)
  }

  /// Runs `body` in one write transaction. With an idempotency claim, a repeat of the same
  /// request returns the response stored by the first and runs nothing; the key with another
  /// request is refused. The claim's advisory lock is taken before the ledger is read, so two
  /// concurrent calls with one key cannot both write.
  func write<Response: WireMessage>(
    idempotency: IdempotencyClaim?, _ body: @escaping @Sendable (PostgresConnection) async throws -> Response
  ) async throws -> Response {
    let ledger = ClassificationStore.ledger
    return try await database.write { db in
      guard let idempotency else { return try await body(db) }
      try await ledger.lock(idempotency, on: db)
      if let stored = try await ledger.answer(to: idempotency, on: db) { return try Response(wireBytes: stored) }
      let response = try await body(db)
      try await ledger.record(try response.wireBytes(), for: idempotency, at: Date(), on: db)
      return response
    }
  }

  func replay<Response: WireMessage>(_ claim: IdempotencyClaim?, as type: Response.Type) async throws -> Response? {
    guard let claim else { return nil }
    return try await read { db in
      try await ClassificationStore.ledger.answer(to: claim, on: db).map { try Response(wireBytes: $0) }
    }
  }

  /// A read of a consistent snapshot.
  func read<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Value) async throws -> Value {
    try await database.read(body)
  }

  /// Waits for, then holds until the transaction ends, the advisory locks named by `names`,
  /// taken in one statement in sorted order, so that two writers needing some of the same
  /// locks never deadlock.
  static func advisoryLocks(_ names: Set<String>, _ db: PostgresConnection) async throws {
    guard !names.isEmpty else { return }
    let sorted = names.map { "classification\u{1F}" + $0 }.sorted()
    try await db.execute(
      """
      SELECT pg_advisory_xact_lock(hashtextextended(name, 0))
      FROM unnest(\(sorted)::text[]) WITH ORDINALITY AS names (name, position) ORDER BY position
      """)
  }
}
