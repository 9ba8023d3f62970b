import GRDB

/// Rows per table of a SQLite file, and its tables' shape, read straight from the file.
enum SQLiteRowCounts {
  static func count(path: String, prefix: String) throws -> [String: Int] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ORDER BY name", arguments: [prefix + "%"])
      var counts: [String: Int] = [:]
      for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
      return counts
    }
  }

  static func shape(path: String, prefix: String) throws -> [String: [String: String]] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ORDER BY name", arguments: [prefix + "%"])
      var shape: [String: [String: String]] = [:]
      for table in tables {
        for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")") {
          let declared = (column["type"] as String).uppercased()
          let type =
            switch declared {
            case "INTEGER": "bigint"
            case "BLOB": "bytea"
            case "REAL": "double precision"
            default: declared.lowercased()
            }
          // A primary key column is never NULL in PostgreSQL, whatever SQLite declares.
          let notNull = (column["notnull"] as Int) == 1 || (column["pk"] as Int) > 0
          shape[table, default: [:]][column["name"]] = type + (notNull ? " not null" : "")
        }
      }
      return shape
    }
  }
}
