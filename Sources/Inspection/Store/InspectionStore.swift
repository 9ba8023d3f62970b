import Foundation
import GRDB
import ReformKit
import ReformStore
import ReformWire

/// The inspection module's ``InspectionStoring`` on SQLite: one file shared by every worker
/// process of the module, opened as every module's store is (ReformStore's `StoreDatabase`:
/// WAL, a write waits up to ten seconds for another process's lock and then fails as
/// `StoreFailure.busy`), each write one transaction.
///
/// Tables are prefixed `inspection_` (see ``InspectionMigrations``). Programmes are kept
/// whole, as the wire bytes of each version, so that a version reads back exactly as it was
/// answered; the few columns beside them serve lookups and lists. Answers to requests that
/// carried an idempotency key are kept by ReformStore's `IdempotencyLedger` in
/// `inspection_idempotency`.
///
/// ## Topics
/// - Opening: ``init(path:)``, ``InspectionMigrations``
/// - Reading and writing: ``reading(_:)``, ``writing(_:)``, ``replay(_:as:)``
/// - Tables: the extensions `InspectionStore+Notices` and `+Programmes`.
/// - What does not depend on the engine: `InspectionStoring+Engines` (the ledger, decoding),
///   and the records' conversions from and to the wire messages.
struct InspectionStore: InspectionStoring {
  private let database: StoreDatabase

  /// Opens (creating if needed) the database at `path` and brings its tables up to date.
  init(path: String) throws {
    database = try StoreDatabase(path: path, name: Self.name, migrations: InspectionMigrations.all)
  }

  /// Runs `body` in one write transaction; a thrown error rolls everything back.
  func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    try await Self.inStoreTerms { try await database.write(body) }
  }

  /// Runs `body` on a snapshot of the database.
  func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    try await Self.inStoreTerms { try await database.read(body) }
  }

  /// The first answer to the request `claim` identifies, if it was answered before.
  func replay<Response: WireMessage>(_ claim: IdempotencyClaim, as type: Response.Type) async throws -> Response? {
    let bytes = try await reading { db in try Self.ledger.answer(to: claim, in: db) }
    return try bytes.map { bytes in try Self.decode(Response.self, Data(bytes), what: "answer to \(claim.method)") }
  }
}
