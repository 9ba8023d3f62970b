import Foundation
import ReformKit
import ReformStore

/// The exchange's tables in SQLite (``ExchangeStoring``): every read and every write of documents, copies, notices,
/// uploads, Watch events and the answers kept for idempotency keys.
///
/// Opened as every module's store is (ReformStore's `StoreDatabase`): several worker processes
/// may share the file, so it runs in WAL mode and a write waits up to ten seconds for another
/// process's lock, then fails as `StoreFailure.busy`; nothing of GRDB leaves the store. Every
/// write is one IMMEDIATE transaction: arrival numbers and event sequences are taken inside it,
/// so no two processes can take the same one, and a failure leaves nothing half written. The
/// writer syncs every commit (`synchronous = FULL`), so an acknowledged write survives
/// `kill -9` and a power cut.
///
/// ## Topics
/// - ``init(path:)``: opens and migrates (``ExchangeMigrations``).
/// - ``ledger``: the answers to requests with an idempotency key (`exchange_idempotency`).
/// - `ExchangeStore+Uploads.swift`: uploads and attachments.
/// - `ExchangeStore+Send.swift`: documents, copies, arrival numbers.
/// - `ExchangeStore+Notices.swift`: status notices and recall.
/// - `ExchangeStore+Organs.swift`: the unit directory kept in the store.
/// - `ExchangeStore+Reads.swift`, `ExchangeStore+Lists.swift`, `ExchangeStore+Events.swift`,
///   `ExchangeStore+Counts.swift`: what the read calls need.
final class ExchangeStore: ExchangeStoring {
  /// The store's name in failures (`the exchange store is busy…`).
  static let name = "exchange"
  /// Where answers to requests with an idempotency key are kept, by method, acting unit and
  /// key; a key reused for another request is refused as a failed precondition.
  static let ledger = IdempotencyLedger(.exchange, conflict: .failedPrecondition)

  let database: StoreDatabase

  /// Opens the store at `path`, creating it when missing, and applies the migrations not yet
  /// applied.
  ///
  /// - Throws: `StoreFailure` when the file cannot be opened or migrated.
  init(path: String) throws {
    database = try StoreDatabase(path: path, name: Self.name, migrations: ExchangeMigrations.all, syncEveryCommit: true)
  }
}
