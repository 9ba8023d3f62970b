import Foundation
import GRDB

/// The exchange's tables in SQLite, through GRDB: every read and every write of documents,
/// copies, notices, uploads, Watch events and idempotency records.
///
/// Several worker processes may share the file, so the pool runs in WAL mode and waits up to
/// ten seconds for another process's write lock. Every write is one IMMEDIATE transaction
/// (GRDB's default for writes): arrival numbers and event sequences are taken inside it, so no
/// two processes can take the same one, and a failure leaves nothing half written. The writer
/// connection syncs every commit (`synchronous = FULL`), so an acknowledged write survives
/// `kill -9` and a power cut.
///
/// ## Topics
/// - ``init(path:)``: opens and migrates.
/// - `ExchangeStore+Uploads.swift`: uploads and attachments.
/// - `ExchangeStore+Send.swift`: documents, copies, arrival numbers.
/// - `ExchangeStore+Notices.swift`: status notices and recall.
/// - `ExchangeStore+Reads.swift`, `ExchangeStore+Lists.swift`, `ExchangeStore+Events.swift`,
///   `ExchangeStore+Counts.swift`: what the read calls need.
final class ExchangeStore: Sendable {
  let pool: DatabasePool

  /// Opens the store at `path`, creating it when missing, and applies the migrations not yet
  /// applied.
  init(path: String) throws {
    var configuration = Configuration()
    configuration.label = "Exchange"
    configuration.busyMode = .timeout(10)
    pool = try DatabasePool(path: path, configuration: configuration)
    // GRDB sets NORMAL with WAL; FULL syncs the log at each commit, so an acknowledged send
    // survives a power cut as well as a killed process.
    try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    try Self.migrate(pool)
  }

  /// Applies the migrations. Another process of the module opening the same file at the same
  /// moment may apply one first, which makes this one's attempt fail; the next attempt finds it
  /// applied and goes on.
  private static func migrate(_ pool: DatabasePool) throws {
    let migrator = ExchangeMigrations.migrator
    var attempt = 0
    while true {
      do {
        try migrator.migrate(pool)
        return
      } catch {
        attempt += 1
        if attempt >= 5 { throw error }
        Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
      }
    }
  }
}
