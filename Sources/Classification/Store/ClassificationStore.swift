import Foundation
import GRDB
import ReformKit
import ReformStore
import ReformWire

/// The classification module's SQLite store: evaluations with their history, rule sets loaded
/// by operators, quota exceptions, runs with their results, and idempotency keys. The
/// handlers know it as ``ClassificationStoring``; ``ClassificationPostgresStore`` is its twin on
/// PostgreSQL.
///
/// Opened as every module's store is (`StoreDatabase`: WAL, a write waits up to ten seconds for
/// another process's lock and then fails as `StoreFailure.busy`; nothing of GRDB leaves the store). Every write is one transaction, so
/// bad input never leaves half a write behind. Values are stored as ``StoredValue`` says.
///
/// ## Topics
/// - Opening: ``init(path:)``, ``ClassificationMigrations``
/// - Reading and writing: ``read(_:)``, ``write(idempotency:_:)``, ``replay(_:as:)``
/// - Tables: the extensions `ClassificationStore+Evaluations`, `+RuleSets`, `+Exceptions`,
///   `+Runs`, `+Results`, `+Units`.
struct ClassificationStore: Sendable {
  private let database: StoreDatabase
  /// Where answers to requests with an idempotency key are kept (`classification_idempotency`),
  /// on either engine.
  static let ledger = IdempotencyLedger(.classification, conflict: .failedPrecondition)

  /// Opens (creating when needed) the database at `path` and brings its schema up to date.
  init(path: String) throws {
    database = try StoreDatabase(path: path, name: StoreFailure.classificationStore, migrations: ClassificationMigrations.all)
  }

  /// Runs `body` in one write transaction. With an idempotency claim, a repeat of the same
  /// request returns the response stored by the first and runs nothing; the key with another
  /// request is refused. The claim is checked inside the transaction, so two concurrent calls
  /// with one key cannot both write.
  func write<Response: WireMessage>(
    idempotency: IdempotencyClaim?, _ body: @escaping @Sendable (Database) throws -> Response
  ) async throws -> Response {
    try await database.write { db in
      guard let idempotency else { return try body(db) }
      if let stored = try Self.ledger.answer(to: idempotency, in: db) { return try Response(wireBytes: stored) }
      let response = try body(db)
      try Self.ledger.record(try response.wireBytes(), for: idempotency, at: Date(), in: db)
      return response
    }
  }

  /// The response stored for `claim` by an earlier call, if any: read before any work, so that
  /// a repeat costs one lookup. Refused when the key was used for another request.
  func replay<Response: WireMessage>(_ claim: IdempotencyClaim?, as type: Response.Type) async throws -> Response? {
    guard let claim else { return nil }
    return try await read { db in try Self.ledger.answer(to: claim, in: db).map { try Response(wireBytes: $0) } }
  }

  /// A read of a consistent snapshot.
  func read<Value: Sendable>(_ body: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
    try await database.read(body)
  }
}
