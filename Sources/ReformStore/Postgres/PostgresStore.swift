import Foundation
import Logging
import PostgresNIO
import ReformKit

/// A module's state on a PostgreSQL server: the twin of ``StoreDatabase`` for deployments with
/// workers on more than one host, all reading and writing one database.
///
/// - **One schema per module.** Every connection resolves unqualified names in the module's
///   schema (`exchange`, `registry` …), which the migrations create; a deployment may give each
///   module a role of its own that owns only its schema, so that modules still read each other
///   only through RPC.
/// - **A pool** (postgres-nio's `PostgresClient`), run for as long as the database is open.
/// - **Migrations** are applied before the first operation, once per process, under an advisory
///   lock (``PostgresMigrations``); a server away at start only delays them to the next call.
/// - **Transactions.** ``read(_:)`` runs its body in a `REPEATABLE READ READ ONLY` transaction —
///   one snapshot, as SQLite's WAL reader has. ``write(_:)`` runs its body in a `READ COMMITTED`
///   transaction: a store keeps its writes correct with explicit locks (counter rows taken with
///   `FOR UPDATE` in a fixed order, advisory locks on idempotency keys), and says so per
///   operation. A deadlock or serialization failure rolls back and runs the body again, up to
///   ``maxAttempts`` times, so a body must be re-runnable: it reads what it decides on inside
///   the transaction and acts outside only after it returns.
/// - **Failures** are ``StoreFailure``s, as from SQLite: a server that is away, restarting,
///   refusing connections or out of them, and a conflict that outlived its retries, are
///   `.busy` (the module answers `UNAVAILABLE`, safe to retry; nothing was written); a value
///   that does not decode is `.corrupt`; any other server error `.failed`.
///
/// ## Topics
/// - ``init(settings:name:schema:migrations:logger:)``, ``close()``
/// - ``read(_:)``, ``write(_:)``, ``guarded(_:)``
public final class PostgresStore: Sendable {
  /// How many times a write runs when it meets a deadlock or a serialization failure.
  public static let maxAttempts = 8
  /// The logger statements are run with: errors reach the caller as ``StoreFailure``s, so it
  /// logs nothing of its own.
  public static let queryLogger: Logger = {
    var logger = Logger(label: "reform.postgres.query")
    logger.logLevel = .critical
    return logger
  }()

  /// The store's name in failures (`the exchange store is busy…`).
  public let name: String
  /// The schema that holds the module's tables.
  public let schema: String
  /// Where the server is (no password), for logs and status.
  public let settings: PostgresSettings
  private let client: PostgresClient
  private let running: Task<Void, Never>
  private let migrations: PostgresMigrations
  private let migrated: MigrationGate
  private let watch = ConnectionWatch()
  private let progress = PoolProgress()
  private let logger: Logger

  /// Opens a pool to the server `settings` name for the module's `schema`; migrations are
  /// applied before the first operation.
  ///
  /// - Throws: ``StoreFailure`` `.failed` when `schema` is not a plain lower-case name.
  public init(
    settings: PostgresSettings, name: String, schema: String, migrations: PostgresMigrations,
    logger: Logger = Logger(label: "reform.postgres")
  ) throws {
    guard Self.isPlainName(schema) else {
      throw StoreFailure.failed(store: name, detail: "the schema name \"\(schema.prefix(80))\" is not a-z, 0-9 and _")
    }
    self.name = name
    self.schema = schema
    self.settings = settings
    self.migrations = migrations
    self.logger = logger
    let client = PostgresClient(configuration: try settings.configuration(schema: schema), backgroundLogger: logger)
    self.client = client
    running = Task { await client.run() }
    migrated = MigrationGate()
  }

  deinit {
    running.cancel()
  }

  /// Closes the pool: operations after this fail.
  public func close() {
    running.cancel()
  }

  /// Whether `text` can name a schema unquoted: 1 to 63 of a-z, 0-9 and _, not starting with a digit.
  static func isPlainName(_ text: String) -> Bool {
    guard let first = text.utf8.first, text.utf8.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    else { return false }
    return text.utf8.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "_")
    }
  }

  /// Runs `body` in one read-only snapshot.
  public func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
    try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
  }

  /// Runs `body` in one `READ COMMITTED` transaction, again when it meets a deadlock or a
  /// serialization failure (see the type's notes); whatever it throws rolls everything back.
  public func write<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
    try await transaction("BEGIN ISOLATION LEVEL READ COMMITTED", body)
  }

  private func transaction<T: Sendable>(
    _ begin: PostgresQuery, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    try await guarded {
      try await migrated.ensure {
        try await self.leased { connection in
          try await self.migrations.apply(schema: self.schema, on: connection, logger: self.logger)
        }
      }
      var attempt = 1
      while true {
        do {
          return try await leased { connection in
            try await connection.query(begin, logger: self.logger)
            do {
              let result = try await body(connection)
              try await connection.query("COMMIT", logger: self.logger)
              return result
            } catch {
              // A query sent on a connection that has closed is never answered (postgres-nio
              // drops the write's failure), and the server rolls back what a lost connection
              // left open anyway.
              if !connection.isClosed {
                _ = try? await connection.query("ROLLBACK", logger: self.logger)
              }
              throw error
            }
          }
        } catch let error as PSQLError where Self.isConflict(error) && attempt < Self.maxAttempts {
          attempt += 1
          StoreMetrics.retried(store: name)
          try await Task.sleep(for: .milliseconds(Int.random(in: 2...(10 * attempt))))
        }
      }
    }
  }

  /// Runs `body` on a pooled connection, giving up as `.busy` when none is leased and the
  /// pool has not moved — no connection leased or given back — for the connect timeout:
  /// while the server is away the pool keeps trying to connect and would hold the call until
  /// its deadline. A pool that is merely full, with every connection at work and callers
  /// queued behind them, keeps moving, and its callers wait their turn (up to their own
  /// deadline) rather than hearing that a server which answers all the while cannot be
  /// reached. Once a connection is leased the body runs to its end, so a write is never
  /// abandoned half way by this bound — unless the connection itself is lost (the server
  /// killed or restarted): then the call answers `.busy` at once, since a statement sent on a
  /// closed connection would never be answered and the server has rolled the transaction
  /// back (a COMMIT already sent may have landed: a keyed repeat tells).
  private func leased<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
    let lease = LeaseRace<T>()
    let bound = Duration.seconds(settings.connectTimeout)
    let client = client
    let name = name
    let watch = watch
    let progress = progress
    let asked = ContinuousClock.now
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        lease.start(continuation)
        let work = Task {
          do {
            let result = try await client.withConnection { connection in
              guard lease.markLeased() else { throw CancellationError() }
              progress.moved()
              defer { progress.moved() }
              return try await watch.during(connection) {
                lease.finish(.failure(StoreFailure.busy(store: name, detail: "the connection to the database server was lost")))
              } run: {
                try await body(connection)
              }
            }
            lease.finish(.success(result))
          } catch {
            lease.finish(.failure(error))
          }
        }
        lease.work = work
        Task {
          // Sleeps until the bound has passed since the call asked or the pool last moved,
          // whichever is later; a lease in the meantime ends the wait.
          while !lease.isSettled {
            let due = max(asked, progress.last) + bound
            guard ContinuousClock.now < due else { break }
            try? await Task.sleep(until: due, clock: .continuous)
          }
          if lease.timeOutUnlessLeased() {
            // The answer first: the cancelled lease then ends with an error nobody waits for.
            lease.finish(
              .failure(StoreFailure.busy(store: name, detail: "the database server cannot be reached: no connection within \(bound)")))
            work.cancel()
          }
        }
      }
    } onCancel: {
      lease.cancel()
    }
  }

  /// Runs `operation`, turning what the driver throws into a ``StoreFailure`` of this store.
  public func guarded<T>(_ operation: () async throws -> T) async throws -> T {
    let name = name
    return try await StoreMetrics.guarded(store: name, engine: "postgres", translate: { Self.failure($0, store: name) }, operation)
  }

  /// A deadlock or serialization failure: the transaction may succeed when run again.
  static func isConflict(_ error: PSQLError) -> Bool {
    guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
    return state == "40001" || state == "40P01"
  }

  /// `error` as the caller of a store sees it: the driver's errors as ``StoreFailure``s, any
  /// other error unchanged.
  static func failure(_ error: any Error, store: String) -> any Error {
    switch error {
    case let error as PSQLError:
      guard error.code == .server else {
        // The server is away, closed the connection, or the pool is shutting down.
        return StoreFailure.busy(store: store, detail: "the database server cannot be reached (\(error.code))")
      }
      let state = error.serverInfo?[.sqlState] ?? ""
      let message = error.serverInfo?[.message] ?? "\(error)"
      // 40: conflicts past their retries; 08: connection; 53: out of resources (connections,
      // memory, disk); 57P: the server is shutting down or starting.
      if state.hasPrefix("40") || state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57P") {
        return StoreFailure.busy(store: store, detail: "\(state): \(message)")
      }
      return StoreFailure.failed(store: store, detail: "\(state): \(message)")
    case _ where String(describing: type(of: error)) == "ConnectionPoolError":
      // The pool's own refusals (a lease cancelled, the pool shutting down): nothing ran.
      return StoreFailure.busy(store: store, detail: "the database connection pool refused the operation (\(error))")
    case is PostgresDecodingError, is DecodingError:
      return StoreFailure.corrupt(store: store, detail: "\(error)")
    default:
      return error
    }
  }
}

/// The race between leasing a connection and the lease's time bound: whichever ends first
/// decides, and the continuation is resumed once.
private final class LeaseRace<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<T, any Error>?
  private var leased = false
  private var timedOut = false
  private var pendingCancel = false
  private var _work: Task<Void, Never>?

  var work: Task<Void, Never>? {
    get { lock.withLock { _work } }
    set {
      let cancel = lock.withLock { () -> Bool in
        _work = newValue
        return pendingCancel
      }
      if cancel { newValue?.cancel() }
    }
  }

  func start(_ continuation: CheckedContinuation<T, any Error>) {
    lock.withLock { self.continuation = continuation }
  }

  /// Called with the connection in hand: false when the bound already passed.
  func markLeased() -> Bool {
    lock.withLock {
      guard !timedOut else { return false }
      leased = true
      return true
    }
  }

  /// Whether a connection was leased or the call already answered.
  var isSettled: Bool {
    lock.withLock { leased || continuation == nil }
  }

  /// Called when the bound passes: true when no connection was leased by then.
  func timeOutUnlessLeased() -> Bool {
    lock.withLock {
      guard !leased, continuation != nil else { return false }
      timedOut = true
      return true
    }
  }

  func finish(_ result: Result<T, any Error>) {
    let waiting = lock.withLock { () -> CheckedContinuation<T, any Error>? in
      defer { continuation = nil }
      return continuation
    }
    waiting?.resume(with: result)
  }

  func cancel() {
    let work = lock.withLock { () -> Task<Void, Never>? in
      pendingCancel = true
      return _work
    }
    work?.cancel()
  }
}

/// When the pool last moved: a connection leased to a call or given back by one.
private final class PoolProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var instant = ContinuousClock.now

  var last: ContinuousClock.Instant { lock.withLock { instant } }

  func moved() {
    let now = ContinuousClock.now
    lock.withLock { instant = now }
  }
}

/// Which operation holds each pooled connection, so that the one holding a connection that
/// closes hears of it. A connection's close is watched once, from its first lease until it
/// closes, rather than once per operation, which would pile up a callback per transaction on
/// a long-lived connection.
private final class ConnectionWatch: @unchecked Sendable {
  private let lock = NSLock()
  private var watched: Set<PostgresConnection.ID> = []
  private var holders: [PostgresConnection.ID: @Sendable () -> Void] = [:]

  /// Runs `body` while it holds `connection`; `lost` is called if the connection closes first.
  func during<T>(
    _ connection: PostgresConnection, lost: @escaping @Sendable () -> Void, run body: () async throws -> T
  ) async throws -> T {
    let id = connection.id
    let first = lock.withLock { () -> Bool in
      holders[id] = lost
      return watched.insert(id).inserted
    }
    if first {
      connection.closeFuture.whenComplete { [weak self] _ in self?.closed(id) }
    }
    defer { lock.withLock { _ = holders.removeValue(forKey: id) } }
    return try await body()
  }

  private func closed(_ id: PostgresConnection.ID) {
    let holder = lock.withLock { () -> (@Sendable () -> Void)? in
      watched.remove(id)
      return holders.removeValue(forKey: id)
    }
    holder?()
  }
}

/// Applies a database's migrations once per process; after a failure the next call tries again.
private actor MigrationGate {
  private var done = false

  func ensure(_ apply: @Sendable () async throws -> Void) async throws {
    guard !done else { return }
    try await apply()
    done = true
  }
}
