import Foundation
import PostgresNIO
import ReformKit
import ReformStore
import ReformWire

/// The inspection module's ``InspectionStoring`` on PostgreSQL, for workers on several hosts
/// sharing one database: the same tables, migration ids and answers as ``InspectionStore``,
/// kept correct under concurrent writers by explicit locks rather than by SQLite's single
/// writer.
///
/// How each write stays correct when workers on several hosts run it at once (every write is
/// one `READ COMMITTED` transaction, run again on a deadlock or serialization failure; see
/// ReformStore's `PostgresStore`):
/// - **A keyed write** (Plan or Replan with an idempotency key) first takes the advisory lock
///   of its key, then reads the ledger (`inspection_idempotency`): a repeat running at the same
///   moment on another worker waits for the first to commit, then answers what the first
///   stored. The entry commits with the write it answers, or neither does.
/// - **Plan** takes its programme number from the year's row of `inspection_counters`, locked
///   `FOR UPDATE` and advanced in the same transaction (ReformStore's `PostgresCounters`): a
///   second worker numbering the same year waits for the lock, then reads the committed value,
///   so numbers are unique and gapless (a plan that rolls back gives its number back with the
///   lock). The unique key (year, number) stays as a last guard.
/// - **Replan** locks the programme's row (`FOR UPDATE`) before comparing its latest version
///   with the base version: of two replans from one version, the second waits for the first
///   to commit, then reads the new latest version and is refused (a failed precondition on
///   `base_version`), as on SQLite.
/// - **Loading a notice** is one upsert (`ON CONFLICT (year) DO UPDATE`) and removing one a
///   delete: the last to commit wins, as on SQLite.
///
/// Locks are always taken in one order — the key's, then the counter row or the programme
/// row — so two writes never wait for each other in a circle.
///
/// ## Topics
/// - Opening: ``init(settings:schema:)``, ``InspectionMigrations/postgres(loadedAt:)``
/// - Reading and writing: ``reading(_:)``, ``writing(_:)``, ``replay(_:as:)``
/// - Tables: this file (notices) and `InspectionPostgresStore+Programmes`.
final class InspectionPostgresStore: InspectionStoring {
  /// The counters' table.
  static let counters = "inspection_counters"

  private let database: PostgresStore

  /// A pool to `settings`' server for the tables in `schema`; migrations are applied before the
  /// first operation.
  init(settings: PostgresSettings, schema: String = "inspection") throws {
    database = try PostgresStore(
      settings: settings, name: Self.name, schema: schema, migrations: try InspectionMigrations.postgres())
  }

  /// Runs `body` in one write transaction (again after a deadlock or serialization failure);
  /// a thrown error rolls everything back.
  func writing<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
    try await Self.inStoreTerms { try await database.write(body) }
  }

  /// Runs `body` on one snapshot of the database.
  func reading<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
    try await Self.inStoreTerms { try await database.read(body) }
  }

  func replay<Response: WireMessage>(_ claim: IdempotencyClaim, as type: Response.Type) async throws -> Response? {
    let bytes = try await reading { db in try await Self.ledger.answer(to: claim, on: db) }
    return try bytes.map { bytes in try Self.decode(Response.self, Data(bytes), what: "answer to \(claim.method)") }
  }

  /// The stored answer to `claim`'s request, after waiting for any write with the same key
  /// that another worker is running; nil when there is no claim or the key is new. In a write,
  /// before anything else.
  static func earlierAnswer(_ claim: IdempotencyClaim?, _ db: PostgresConnection) async throws -> Data? {
    guard let claim else { return nil }
    try await ledger.lock(claim, on: db)
    return try await ledger.answer(to: claim, on: db).map { Data($0) }
  }

  // MARK: Notices

  func notice(year: Int) async throws -> InspectionCalendarNotice? {
    let bytes = try await reading { db in
      try await db.value(Data.self, "SELECT notice FROM inspection_calendar_notice WHERE year = \(year)")
    }
    return try bytes.map { bytes in try Self.decode(InspectionCalendarNotice.self, bytes, what: "notice \(year)") }
  }

  func saveNotice(_ notice: InspectionCalendarNotice) async throws {
    let record = try CalendarNoticeRecord(notice)
    try await writing { db in
      try await db.execute(
        """
        INSERT INTO inspection_calendar_notice (year, notice, loaded_at, loaded_by)
        VALUES (\(record.year), \(record.notice), \(record.loadedAt.microsecondsSince1970), \(record.loadedBy))
        ON CONFLICT (year) DO UPDATE
          SET notice = excluded.notice, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by
        """)
    }
  }

  func removeNotice(year: Int) async throws {
    try await writing { db in try await db.execute("DELETE FROM inspection_calendar_notice WHERE year = \(year)") }
  }
}
