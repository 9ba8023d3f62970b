import GRDB
import ReformStore

extension AuditSQLiteStore {
  /// Every schema change, named and in order. A migration, once released, is never edited:
  /// a change is a new migration registered after the others. Files of the releases that
  /// named them `v1: audit_entry` and `v2: audit_entry count` open with their ids renamed.
  static var migrations: StoreMigrations {
    var migrations = StoreMigrations(module: "audit")
    migrations.register(1, "entries") { db in
      let table = AuditRow.databaseTableName
      try db.create(table: table) { t in
        // INTEGER PRIMARY KEY is the rowid: the last sequence is found at once.
        t.primaryKey(AuditRow.Columns.sequence.rawValue, .integer)
        t.column(AuditRow.Columns.timeNanos.rawValue, .integer).notNull().indexed()
        // NULL, not empty, marks an unauthenticated call: an empty id could be a bug upstream.
        t.column(AuditRow.Columns.principalId.rawValue, .text).indexed()
        t.column(AuditRow.Columns.principalDisplayName.rawValue, .text).notNull()
        t.column(AuditRow.Columns.principalUnitCode.rawValue, .text).notNull()
        t.column(AuditRow.Columns.principalRoles.rawValue, .text).notNull()
        t.column(AuditRow.Columns.method.rawValue, .text).notNull().indexed()
        t.column(AuditRow.Columns.unitCode.rawValue, .text).notNull().indexed()
        t.column(AuditRow.Columns.target.rawValue, .text).notNull().indexed()
        t.column(AuditRow.Columns.action.rawValue, .integer).notNull()
        t.column(AuditRow.Columns.statusCode.rawValue, .integer).notNull()
        t.column(AuditRow.Columns.message.rawValue, .text).notNull()
        t.column(AuditRow.Columns.peer.rawValue, .text).notNull()
        t.column(AuditRow.Columns.requestId.rawValue, .text).notNull()
      }
      // The API has no update or delete; these make the file refuse them too, so that a
      // mistaken or hostile statement through any SQLite client fails instead of rewriting
      // history. They do not stop someone who can drop the triggers: that is what the file's
      // permissions and the gapless sequence are for.
      try db.execute(sql: """
        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON \(table)
        BEGIN SELECT RAISE(ABORT, '\(AuditLog.immutableMessage)'); END;
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON \(table)
        BEGIN SELECT RAISE(ABORT, '\(AuditLog.immutableMessage)'); END;
        CREATE TRIGGER audit_entry_gapless BEFORE INSERT ON \(table)
        WHEN NEW.sequence IS NOT (SELECT COALESCE(MAX(sequence), 0) + 1 FROM \(table))
        BEGIN SELECT RAISE(ABORT, '\(AuditLog.gaplessMessage)'); END;
        """)
    }
    migrations.register(2, "entry-count") { db in
      // Refusals are counted over a window and written as one entry (``DenialWindow``); an
      // entry written before this migration stood for one call.
      try db.alter(table: AuditRow.databaseTableName) { t in
        t.add(column: AuditRow.Columns.count.rawValue, .integer).notNull().defaults(to: 1)
      }
    }
    migrations.renaming("v1: audit_entry", to: "audit.v1.entries")
    migrations.renaming("v2: audit_entry count", to: "audit.v2.entry-count")
    return migrations
  }
}
