import Foundation
import GRDB
import ReformKit

/// A module's SQLite file, opened the one way every store in Reform opens it, with reads and
/// writes whose failures are ``StoreFailure``s.
///
/// - **Shared by processes.** Several worker processes of a module share the file: it runs in
///   WAL mode (a `DatabasePool`), so reads never wait for a write, and a write waits up to
///   ``busyTimeout`` for another process's lock before it gives up as `.busy`.
/// - **Foreign keys** are enforced (GRDB's default, kept on purpose).
/// - **Durability.** With `syncEveryCommit`, the log is synced at each commit
///   (`synchronous = FULL`): an acknowledged write then survives a power cut, not only a killed
///   process. GRDB's default with WAL is `NORMAL`.
/// - **Migrations** are applied at open, after renaming ids an older release recorded (see
///   ``StoreMigrations``). Another process opening the same file at the same moment may apply
///   one first; the open then tries again and finds it applied.
/// - **Failures.** ``read(_:)`` and ``write(_:)`` turn what the engine throws into a
///   ``StoreFailure``: a file locked past the timeout (`SQLITE_BUSY`, `SQLITE_LOCKED`) is
///   `.busy`, safe to retry, which the module layer answers `UNAVAILABLE`; a row that does not
///   decode is `.corrupt`; any other engine error `.failed`. Whatever the body throws itself
///   (a ``DomainFailure``, a `CancellationError`, a module's own error) passes unchanged.
///
/// A module's store holds one and never the pool itself, so no GRDB error crosses its methods:
///
/// ```swift
/// let database = try StoreDatabase(path: path, name: "inspection", migrations: InspectionMigrations.all)
/// let programme = try await database.read { db in try ProgrammeRecord.fetchOne(db, key: id) }
/// ```
///
/// ## Topics
/// - ``init(path:name:migrations:syncEveryCommit:busyTimeout:)``
/// - ``read(_:)``, ``write(_:)``, ``writeWithoutTransaction(_:)``
/// - ``guarded(_:)``: the translation, for a caller that drives GRDB itself.
public final class StoreDatabase: Sendable {
  /// How long a write waits for another connection's lock, unless told otherwise.
  public static let busyTimeout: TimeInterval = 10

  /// The store's name in failures (`the exchange store is busy…`).
  public let name: String
  /// The file's path.
  public let path: String
  private let pool: DatabasePool

  /// Opens (creating when missing) the file at `path` and applies `migrations`.
  ///
  /// - Parameters:
  ///   - name: the store's name in failures and in GRDB's labels, e.g. `exchange`.
  ///   - syncEveryCommit: sync the log at each commit (see the type's notes).
  ///   - busyTimeout: how long a write waits for another connection's lock; tests shorten it.
  /// - Throws: ``StoreFailure`` when the file cannot be opened or migrated.
  public init(
    path: String, name: String, migrations: StoreMigrations, syncEveryCommit: Bool = false,
    busyTimeout: TimeInterval = StoreDatabase.busyTimeout
  ) throws {
    self.name = name
    self.path = path
    var configuration = Configuration()
    configuration.label = name
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    let pool = try Self.translated(store: name) { try DatabasePool(path: path, configuration: configuration) }
    if syncEveryCommit {
      // GRDB sets NORMAL on the writer when it opens the pool in WAL mode: FULL comes after.
      try Self.translated(store: name) { try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") } }
    }
    self.pool = pool
    try Self.translated(store: name) { try Self.migrate(pool, with: migrations) }
  }

  /// Runs `body` on a snapshot of the database.
  public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    try await guarded { try await self.pool.read(body) }
  }

  /// Runs `body` in one `IMMEDIATE` write transaction: whatever it throws rolls everything back.
  public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    try await guarded { try await self.pool.write(body) }
  }

  /// Runs `body` with the writer connection and no transaction of its own: for a store that
  /// opens its transaction itself and acts after the commit while still holding the writer
  /// (e.g. to update what it keeps in memory before the next write starts).
  public func writeWithoutTransaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    try await guarded { try await self.pool.writeWithoutTransaction(body) }
  }

  /// Runs `operation`, turning what the engine throws into a ``StoreFailure`` of this store.
  public func guarded<T>(_ operation: () async throws -> T) async throws -> T {
    let name = name
    return try await StoreMetrics.guarded(store: name, engine: "sqlite", translate: { Self.failure($0, store: name) }, operation)
  }

  /// The synchronous twin of ``guarded(_:)``, for the open.
  private static func translated<T>(store: String, _ operation: () throws -> T) throws -> T {
    do {
      return try operation()
    } catch {
      throw failure(error, store: store)
    }
  }

  /// `error` as the caller of a store sees it: the engine's errors as ``StoreFailure``s, any
  /// other error unchanged.
  static func failure(_ error: any Error, store: String) -> any Error {
    switch error {
    case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
      StoreFailure.busy(store: store, detail: error.message ?? "the file is locked")
    case let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB:
      StoreFailure.corrupt(store: store, detail: "\(error)")
    case let error as DatabaseError:
      StoreFailure.failed(store: store, detail: "\(error)")
    case let error as RowDecodingError:
      StoreFailure.corrupt(store: store, detail: "\(error)")
    default:
      error
    }
  }

  /// Renames what an older release recorded, then applies the migrations not yet applied,
  /// trying again when another process applied one meanwhile.
  private static func migrate(_ pool: DatabasePool, with migrations: StoreMigrations) throws {
    var attempt = 0
    while true {
      do {
        try migrations.renameRecordedIDs(in: pool)
        try migrations.migrator.migrate(pool)
        return
      } catch {
        attempt += 1
        if attempt >= 5 { throw error }
        Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
      }
    }
  }
}
