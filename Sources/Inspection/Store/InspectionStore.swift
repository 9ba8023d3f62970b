import Foundation
import GRDB
import GRPCCore
import InspectionDomain
import ReformWire

/// Where the inspection module keeps its calendar notices, programmes and idempotent answers:
/// one SQLite file in WAL mode, shared by every worker process of the module, each write one
/// transaction.
///
/// Tables are prefixed `inspection_`, migrations named `inspection.v1.…`. Programmes are kept
/// whole, as the wire bytes of each version, so that a version reads back exactly as it was
/// answered; the few columns beside them serve lookups and lists.
///
/// ## Topics
/// - ``init(path:)``
/// - Notices: ``notice(year:)``, ``saveNotice(_:)``, ``removeNotice(year:)``
/// - Programmes: ``createProgramme(_:idempotency:respond:)``,
///   ``appendVersion(_:baseVersion:replanRequest:idempotency:respond:)``, ``header(programmeID:)``,
///   ``latestHeader(ownerUnitCode:year:)``, ``programme(_:version:)``,
///   ``summaries(ownerUnitCode:year:after:limit:)``, ``lastVisits(unitCodes:onOrBefore:)``
/// - Idempotency: ``replay(_:as:)``
struct InspectionStore: Sendable {
  private let pool: DatabasePool

  /// Opens (creating if needed) the database at `path` and brings its tables up to date.
  init(path: String) throws {
    var configuration = Configuration()
    // Several worker processes of the module may share the file: wait for a writer rather
    // than fail at once.
    configuration.busyMode = .timeout(10)
    pool = try DatabasePool(path: path, configuration: configuration)
    try Self.migrator.migrate(pool)
  }

  /// The module's migrations, in order.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("inspection.v1.calendar-notices") { db in
      try db.create(table: CalendarNoticeRecord.databaseTableName) { t in
        t.primaryKey("year", .integer)
        t.column("notice", .blob).notNull()
        t.column("loaded_at", .datetime).notNull()
        t.column("loaded_by", .text).notNull()
      }
    }
    migrator.registerMigration("inspection.v1.built-in-notice-2026") { db in
      // The 2026 notice is present until an operator replaces or removes it.
      let loadedAt = Date()
      let notice = CalendarNotice.vietnam2026.wire(loadedAt: Timestamp(loadedAt), loadedBy: Self.builtIn)
      try CalendarNoticeRecord(
        year: CalendarNotice.vietnam2026.year, notice: Data(try notice.wireBytes()), loadedAt: loadedAt,
        loadedBy: Self.builtIn
      ).insert(db)
    }
    migrator.registerMigration("inspection.v1.programmes") { db in
      try db.create(table: ProgrammeRecord.databaseTableName) { t in
        t.primaryKey("programme_id", .text)
        t.column("year", .integer).notNull()
        t.column("number", .integer).notNull()
        t.column("owner_unit_code", .text).notNull()
        t.column("name", .text).notNull()
        t.column("latest_version", .integer).notNull()
        t.column("created_at", .datetime).notNull()
        t.column("created_by", .text).notNull()
        t.uniqueKey(["year", "number"])
      }
      try db.create(
        index: "inspection_programme_owner_year", on: ProgrammeRecord.databaseTableName,
        columns: ["owner_unit_code", "year"])
      try db.create(table: ProgrammeVersionRecord.databaseTableName) { t in
        t.column("programme_id", .text).notNull().references(ProgrammeRecord.databaseTableName)
        t.column("version", .integer).notNull()
        t.column("programme", .blob).notNull()
        t.column("visit_count", .integer).notNull()
        t.column("unplaced_count", .integer).notNull()
        t.column("created_at", .datetime).notNull()
        t.column("created_by", .text).notNull()
        t.column("replan_request", .blob)
        t.primaryKey(["programme_id", "version"])
      }
      try db.create(table: ProgrammeVisitRecord.databaseTableName) { t in
        t.column("programme_id", .text).notNull()
        t.column("version", .integer).notNull()
        t.column("visit_id", .text).notNull()
        t.column("unit_code", .text).notNull()
        t.column("last_day", .text).notNull()
        t.primaryKey(["programme_id", "version", "visit_id"])
        t.foreignKey(["programme_id", "version"], references: ProgrammeVersionRecord.databaseTableName)
      }
      try db.create(
        index: "inspection_programme_visit_unit", on: ProgrammeVisitRecord.databaseTableName,
        columns: ["unit_code", "last_day"])
    }
    migrator.registerMigration("inspection.v1.idempotency") { db in
      try db.create(table: IdempotencyRecord.databaseTableName) { t in
        t.column("method", .text).notNull()
        t.column("key", .text).notNull()
        t.column("fingerprint", .blob).notNull()
        t.column("response", .blob).notNull()
        t.column("created_at", .datetime).notNull()
        t.primaryKey(["method", "key"])
      }
    }
    return migrator
  }

  /// `loaded_by` of the notice the module ships.
  static let builtIn = "built-in"

  /// Runs `body` in one write transaction; a thrown error rolls everything back.
  func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(RPCError) -> T {
    do {
      return try await pool.write(body)
    } catch {
      throw Self.rpcError(error)
    }
  }

  /// Runs `body` on a snapshot of the database.
  func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(RPCError) -> T {
    do {
      return try await pool.read(body)
    } catch {
      throw Self.rpcError(error)
    }
  }

  /// `error` as the caller sees it: statuses raised on purpose as they are; a busy database
  /// as `UNAVAILABLE`, worth retrying; anything else as `INTERNAL`.
  private static func rpcError(_ error: any Error) -> RPCError {
    switch error {
    case let error as RPCError:
      return error
    case let error as any RPCErrorConvertible:
      return RPCError(error)
    case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
      return RPCError(code: .unavailable, message: "the inspection store is busy; retry the call")
    case is CancellationError:
      return RPCError(code: .cancelled, message: "the call was cancelled before the store answered")
    default:
      return RPCError(code: .internalError, message: "the inspection store failed: \(error)")
    }
  }
}
