import GRDB

/// Rows per table of a SQLite file, read straight from the file.
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
}
