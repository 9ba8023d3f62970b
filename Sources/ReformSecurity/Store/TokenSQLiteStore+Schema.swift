import GRDB
import ReformStore

extension TokenSQLiteStore {
  /// Every schema change, named and in order. A migration, once released, is never edited:
  /// a change is a new migration registered after the others. Files of the releases that
  /// named them `v1: token` and `v2: token worker_modules` open with their ids renamed.
  static var migrations: StoreMigrations {
    var migrations = StoreMigrations(module: "token")
    migrations.register(1, "tokens") { db in
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
    migrations.register(2, "worker-modules") { db in
      // A worker principal names the modules it may attach as. One made before this migration
      // names none, and so attaches as none: it is bound again with its modules.
      try db.alter(table: TokenRow.databaseTableName) { t in
        t.add(column: TokenRow.Columns.workerModules.rawValue, .text).notNull().defaults(to: "")
      }
    }
    migrations.renaming("v1: token", to: "token.v1.tokens")
    migrations.renaming("v2: token worker_modules", to: "token.v2.worker-modules")
    return migrations
  }
}
