import GRDB

extension TokenStore {
  /// Every schema change, named and in order. A migration, once released, is never edited:
  /// a change is a new migration registered after the others.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: token") { db in
      try db.create(table: TokenRow.databaseTableName) { t in
        t.primaryKey(TokenRow.Columns.id.rawValue, .text)
        // The SHA-256 of the secret, never the secret: a copy of the database opens nothing.
        t.column(TokenRow.Columns.secretHash.rawValue, .text).notNull().unique()
        t.column(TokenRow.Columns.principalId.rawValue, .text).notNull()
        t.column(TokenRow.Columns.displayName.rawValue, .text).notNull()
        t.column(TokenRow.Columns.unitCode.rawValue, .text).notNull().indexed()
        t.column(TokenRow.Columns.roles.rawValue, .text).notNull()
        t.column(TokenRow.Columns.note.rawValue, .text).notNull()
        t.column(TokenRow.Columns.createdAt.rawValue, .datetime).notNull()
        t.column(TokenRow.Columns.createdBy.rawValue, .text).notNull()
        t.column(TokenRow.Columns.expiresAt.rawValue, .datetime)
        t.column(TokenRow.Columns.revokedAt.rawValue, .datetime)
        t.column(TokenRow.Columns.revokedBy.rawValue, .text).notNull()
        t.column(TokenRow.Columns.revokeReason.rawValue, .text).notNull()
        t.column(TokenRow.Columns.lastUsedAt.rawValue, .datetime)
        t.column(TokenRow.Columns.idempotencyKey.rawValue, .text).notNull().unique()
        t.column(TokenRow.Columns.requestFingerprint.rawValue, .text).notNull()
      }
    }
    migrator.registerMigration("v2: token worker_modules") { db in
      // A worker principal names the modules it may attach as. One made before this migration
      // names none, and so attaches as none: it is bound again with its modules.
      try db.alter(table: TokenRow.databaseTableName) { t in
        t.add(column: TokenRow.Columns.workerModules.rawValue, .text).notNull().defaults(to: "")
      }
    }
    return migrator
  }
}
