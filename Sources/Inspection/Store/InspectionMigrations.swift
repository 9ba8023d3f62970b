import Foundation
import GRDB
import ReformStore

/// The inspection store's tables, created in order by named migrations `inspection.v<N>.<what>`,
/// each registered once and run once per database file. The ids are those the module has
/// always recorded, so a file written by an earlier release opens without a rename.
enum InspectionMigrations {
  /// The module's migrations, in order.
  static var all: StoreMigrations {
    var migrations = StoreMigrations(module: "inspection")
    migrations.register(1, "calendar-notices") { db in
      try db.create(table: CalendarNoticeRecord.databaseTableName) { t in
        t.primaryKey("year", .integer)
        t.column("notice", .blob).notNull()
        t.column("loaded_at", .datetime).notNull()
        t.column("loaded_by", .text).notNull()
      }
    }
    migrations.register(1, "built-in-notice-2026") { db in
      try CalendarNoticeRecord.vietnam2026(loadedAt: Date()).insert(db)
    }
    migrations.register(1, "programmes") { db in
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
    migrations.register(1, "idempotency") { db in try IdempotencyLayout.inspection.createTable(in: db) }
    return migrations
  }
}
