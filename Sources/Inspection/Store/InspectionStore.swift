import Foundation
import GRDB
import ReformKit

/// The inspection module's ``InspectionStoring`` on SQLite: one file in WAL mode, shared by
/// every worker process of the module, each write one transaction.
///
/// Tables are prefixed `inspection_` (see ``InspectionMigrations``). Programmes are kept
/// whole, as the wire bytes of each version, so that a version reads back exactly as it was
/// answered; the few columns beside them serve lookups and lists.
struct InspectionStore: InspectionStoring {
  private let pool: DatabasePool

  /// Opens (creating if needed) the database at `path` and brings its tables up to date.
  init(path: String) throws {
    var configuration = Configuration()
    // Several worker processes of the module may share the file: wait for a writer rather
    // than fail at once.
    configuration.busyMode = .timeout(10)
    pool = try DatabasePool(path: path, configuration: configuration)
    try InspectionMigrations.migrator.migrate(pool)
  }

  /// Runs `body` in one write transaction; a thrown error rolls everything back.
  func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await pool.write(body)
    } catch {
      throw Self.storeError(error)
    }
  }

  /// Runs `body` on a snapshot of the database.
  func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await pool.read(body)
    } catch {
      throw Self.storeError(error)
    }
  }

  /// `error` in the store's terms: refusals and cancellation as they are; a busy database as
  /// ``StoreFailure/busy(store:detail:)``, worth retrying; anything else as a failure.
  private static func storeError(_ error: any Error) -> any Error {
    switch error {
    case is any DomainFailure, is StoreFailure, is CancellationError:
      return error
    case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
      return StoreFailure.busy(store: "inspection", detail: error.message ?? "locked")
    default:
      return StoreFailure.failed(store: "inspection", detail: "\(error)")
    }
  }
}
