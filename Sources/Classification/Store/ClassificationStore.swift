import Foundation
import GRDB
import ReformKit
import ReformWire

/// The classification module's SQLite store: evaluations with their history, rule sets loaded
/// by operators, quota exceptions, runs with their results, and idempotency keys. The
/// handlers know it as ``ClassificationStoring``.
///
/// One `DatabasePool` in WAL mode; several worker processes of the module may share the file,
/// so a write waits up to ten seconds for another's lock, and then fails as
/// `StoreFailure.busy` (nothing of GRDB leaves the store). Every write is one transaction, so
/// bad input never leaves half a write behind. Times are stored as milliseconds since 1970 UTC.
///
/// ## Topics
/// - Opening: ``init(path:)``, ``ClassificationMigrations``
/// - Reading and writing: ``read(_:)``, ``write(idempotency:_:)``
/// - Tables: the extensions `ClassificationStore+Evaluations`, `+RuleSets`, `+Exceptions`,
///   `+Runs`, `+Results`, `+Units`.
struct ClassificationStore: Sendable {
  private let pool: DatabasePool

  /// Opens (creating when needed) the database at `path` and brings its schema up to date.
  init(path: String) throws {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      try ClassificationMigrations.migrator.migrate(pool)
    } catch {
      throw StoreFailure.translated(error)
    }
  }

  /// Runs `body` in one write transaction. With an idempotency key, a repeat of the same
  /// request returns the response stored by the first and runs nothing; the key with another
  /// request is refused. The key is checked inside the transaction, so two concurrent calls
  /// with one key cannot both write.
  func write<Response: WireMessage>(
    idempotency: IdempotencyKey?, _ body: @escaping @Sendable (Database) throws -> Response
  ) async throws -> Response {
    do {
      return try await pool.write { db in
        if let idempotency, let replay = try Self.replay(idempotency, as: Response.self, in: db) { return replay }
        let response = try body(db)
        if let idempotency { try Self.remember(idempotency, response: response, in: db) }
        return response
      }
    } catch {
      throw StoreFailure.translated(error)
    }
  }

  /// A read of a consistent snapshot.
  func read<Value: Sendable>(_ body: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
    do {
      return try await pool.read(body)
    } catch {
      throw StoreFailure.translated(error)
    }
  }

  /// Milliseconds since 1970 UTC for `date`.
  static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }

  /// The instant `millis` milliseconds after 1970 UTC.
  static func date(millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1_000) }
}
