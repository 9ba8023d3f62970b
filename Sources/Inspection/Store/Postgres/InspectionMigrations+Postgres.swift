import Foundation
import ReformStore

extension InspectionMigrations {
  /// The same migrations for PostgreSQL, under the same ids, with the same tables and columns
  /// (`BIGINT` for SQLite's `INTEGER`, `BYTEA` for `BLOB`), and what only PostgreSQL needs:
  ///
  /// - **Times** (`loaded_at`, `created_at`) are whole microseconds since 1970 in `BIGINT`
  ///   columns, where SQLite keeps GRDB's text dates; ReformStore's ledger keeps the times of
  ///   `inspection_idempotency` so on PostgreSQL.
  /// - **Ids and days compare byte by byte** (`COLLATE "C"`), as SQLite compares text: pages
  ///   of ListProgrammes follow programme ids in the same order, and ISO days sort as dates
  ///   whatever the database's locale.
  /// - **`inspection_counters`**: a row per year whose programme numbers it hands out, locked
  ///   and advanced inside the transaction that stores the programme
  ///   (``InspectionPostgresStore``). SQLite takes the next number from the table itself under
  ///   its single writer.
  ///
  /// The built-in 2026 notice is loaded as at `loadedAt`, the moment the store opens.
  static func postgres(loadedAt: Date = Date()) throws -> PostgresMigrations {
    let notice = try CalendarNoticeRecord.vietnam2026(loadedAt: loadedAt)
    var migrations = PostgresMigrations(module: "inspection")
    migrations.register(
      1, "calendar-notices",
      [
        """
        CREATE TABLE inspection_calendar_notice (
          year BIGINT PRIMARY KEY NOT NULL,
          notice BYTEA NOT NULL,
          loaded_at BIGINT NOT NULL,
          loaded_by TEXT NOT NULL
        )
        """
      ])
    migrations.register(
      1, "built-in-notice-2026",
      [
        """
        INSERT INTO inspection_calendar_notice (year, notice, loaded_at, loaded_by)
        VALUES (\(notice.year), '\\x\(notice.notice.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined())',
                \(notice.loadedAt.microsecondsSince1970), '\(notice.loadedBy)')
        """
      ])
    migrations.register(
      1, "programmes",
      [
        """
        CREATE TABLE inspection_programme (
          programme_id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
          year BIGINT NOT NULL,
          number BIGINT NOT NULL,
          owner_unit_code TEXT NOT NULL,
          name TEXT NOT NULL,
          latest_version BIGINT NOT NULL,
          created_at BIGINT NOT NULL,
          created_by TEXT NOT NULL,
          UNIQUE (year, number)
        )
        """,
        "CREATE INDEX inspection_programme_owner_year ON inspection_programme (owner_unit_code, year)",
        """
        CREATE TABLE inspection_programme_version (
          programme_id TEXT COLLATE "C" NOT NULL REFERENCES inspection_programme (programme_id),
          version BIGINT NOT NULL,
          programme BYTEA NOT NULL,
          visit_count BIGINT NOT NULL,
          unplaced_count BIGINT NOT NULL,
          created_at BIGINT NOT NULL,
          created_by TEXT NOT NULL,
          replan_request BYTEA,
          PRIMARY KEY (programme_id, version)
        )
        """,
        """
        CREATE TABLE inspection_programme_visit (
          programme_id TEXT COLLATE "C" NOT NULL,
          version BIGINT NOT NULL,
          visit_id TEXT NOT NULL,
          unit_code TEXT NOT NULL,
          last_day TEXT COLLATE "C" NOT NULL,
          PRIMARY KEY (programme_id, version, visit_id),
          FOREIGN KEY (programme_id, version) REFERENCES inspection_programme_version (programme_id, version)
        )
        """,
        "CREATE INDEX inspection_programme_visit_unit ON inspection_programme_visit (unit_code, last_day)",
        PostgresCounters.createTable("inspection_counters"),
      ])
    migrations.register(1, "idempotency", [IdempotencyLayout.inspection.createTableSQL(.postgres)])
    return migrations
  }
}
