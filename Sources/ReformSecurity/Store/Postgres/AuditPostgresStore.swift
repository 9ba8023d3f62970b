import Foundation
import PostgresNIO
import ReformStore

/// ``AuditStoring`` in a PostgreSQL schema (`security` by default) that several coordinators
/// share: the same table, columns and migration ids as ``AuditSQLiteStore``.
///
/// - **One sequence for every coordinator.** An append locks the `audit` row of
///   `audit_counters` (`FOR UPDATE`, ReformStore's `PostgresCounters`), takes the next number
///   and inserts the entry in the same transaction: an append in another coordinator waits for
///   the lock, then reads the committed value, so numbers are unique and gapless, and an append
///   that rolls back gives its number back with the lock. A sequence object would lose numbers
///   to rollbacks and hand them out in an order other than that of the commits.
/// - **Append-only in the database.** Triggers refuse an `UPDATE`, a `DELETE` or a `TRUNCATE`
///   of `audit_entry` with `audit entries cannot be changed`, and an insert whose sequence does
///   not follow the last entry's, whoever sends them. As on SQLite, they do not stop a role that
///   may drop them: give the coordinators' role no more than it needs, and keep the schema's
///   owner for migrations.
///
/// ## Topics
/// - ``init(settings:schema:)``, ``migrations``
final class AuditPostgresStore: AuditStoring {
  /// The table, as on SQLite.
  static let table = AuditRow.databaseTableName
  /// The counter row the sequence is taken from.
  static let counters = "audit_counters"
  private static let sequenceKey = PostgresCounters.Key("audit", "")

  private let database: PostgresStore

  /// A pool to `settings`' server for the table in `schema`; migrations are applied before the
  /// first operation.
  init(settings: PostgresSettings, schema: String) throws {
    database = try PostgresStore(settings: settings, name: "audit", schema: schema, migrations: Self.migrations)
  }

  /// The table's migrations, under the ids of ``AuditSQLiteStore/migrations``. The trigger
  /// functions resolve the table in the schema they were made in, whatever the caller's
  /// `search_path`.
  static var migrations: PostgresMigrations {
    var migrations = PostgresMigrations(module: "audit")
    migrations.register(
      1, "entries",
      [
        """
        CREATE TABLE \(table) (
          sequence BIGINT PRIMARY KEY NOT NULL,
          time_ns BIGINT NOT NULL,
          principal_id TEXT,
          principal_display_name TEXT NOT NULL,
          principal_unit_code TEXT NOT NULL,
          principal_roles TEXT NOT NULL,
          method TEXT NOT NULL,
          unit_code TEXT NOT NULL,
          target TEXT NOT NULL,
          action BIGINT NOT NULL,
          status_code BIGINT NOT NULL,
          message TEXT NOT NULL,
          peer TEXT NOT NULL,
          request_id TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_entry_on_time_ns ON \(table) (time_ns)",
        "CREATE INDEX audit_entry_on_principal_id ON \(table) (principal_id)",
        "CREATE INDEX audit_entry_on_method ON \(table) (method)",
        "CREATE INDEX audit_entry_on_unit_code ON \(table) (unit_code)",
        "CREATE INDEX audit_entry_on_target ON \(table) (target)",
        PostgresCounters.createTable(counters),
        """
        CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN RAISE EXCEPTION '\(AuditLog.immutableMessage)'; END $$
        """,
        """
        CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON \(table)
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()
        """,
        """
        CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON \(table)
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()
        """,
        """
        CREATE FUNCTION audit_entry_refuse_gap() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
          IF NEW.sequence IS DISTINCT FROM (SELECT COALESCE(MAX(sequence), 0) + 1 FROM \(table)) THEN
            RAISE EXCEPTION '\(AuditLog.gaplessMessage)';
          END IF;
          RETURN NEW;
        END $$
        """,
        """
        CREATE TRIGGER audit_entry_gapless BEFORE INSERT ON \(table)
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_gap()
        """,
      ])
    migrations.register(2, "entry-count", ["ALTER TABLE \(table) ADD COLUMN count BIGINT NOT NULL DEFAULT 1"])
    return migrations
  }

  func append(_ row: AuditRow) async throws -> Int64 {
    try await database.write { db in
      var counters = try await PostgresCounters.lock([Self.sequenceKey], in: Self.counters, on: db)
      let sequence = counters.next(Self.sequenceKey)
      let r = row
      try await db.execute(
        """
        INSERT INTO \(sql: Self.table) (sequence, time_ns, principal_id, principal_display_name, principal_unit_code,
          principal_roles, method, unit_code, target, action, status_code, message, peer, request_id, count)
        VALUES (\(sequence), \(r.timeNanos), \(r.principalId), \(r.principalDisplayName), \(r.principalUnitCode),
          \(r.principalRoles), \(r.method), \(r.unitCode), \(r.target), \(Int64(r.action)), \(Int64(r.statusCode)),
          \(r.message), \(r.peer), \(r.requestId), \(r.count))
        """)
      try await counters.save(on: db)
      return sequence
    }
  }

  func entries(_ query: AuditQuery) async throws -> (rows: [AuditRow], total: Int) {
    let filter = Self.filter(query)
    var page = filter
    if let start = query.start { page.append(query.newestFirst ? " AND sequence < \(start)" : " AND sequence > \(start)") }
    let pageQuery: PostgresStatement = """
      SELECT * FROM \(sql: Self.table) WHERE \(page)
      ORDER BY sequence \(sql: query.newestFirst ? "DESC" : "ASC") LIMIT \(query.page.size + 1)
      """
    let countQuery: PostgresStatement = "SELECT COUNT(*) FROM \(sql: Self.table) WHERE \(filter)"
    return try await database.read { db in
      let total = try await db.value(Int64.self, countQuery) ?? 0
      return (try await db.records(AuditRow.self, pageQuery), Int(total))
    }
  }

  /// Every filter `query` gives, ANDed; no filter matches everything.
  private static func filter(_ query: AuditQuery) -> PostgresStatement {
    var filter: PostgresStatement = "TRUE"
    if let principalId = query.principalId { filter.append(" AND principal_id = \(principalId)") }
    if let method = query.method { filter.append(" AND method = \(method)") }
    if let unitCode = query.unitCode { filter.append(" AND unit_code = \(unitCode)") }
    if let target = query.target { filter.append(" AND target = \(target)") }
    if let since = query.since { filter.append(" AND time_ns >= \(since)") }
    if let until = query.until { filter.append(" AND time_ns < \(until)") }
    if let succeeded = query.succeeded { filter.append(succeeded ? " AND status_code = 0" : " AND status_code <> 0") }
    if !query.statusCodes.isEmpty { filter.append(" AND status_code = ANY(\(query.statusCodes.map(Int64.init)))") }
    if !query.actions.isEmpty { filter.append(" AND action = ANY(\(query.actions.map(Int64.init)))") }
    return filter
  }
}
