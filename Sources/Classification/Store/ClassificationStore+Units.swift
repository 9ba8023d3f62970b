import GRDB

extension ClassificationStore {
  /// Records that each of `links`' units lies directly under its parent, as a submitted
  /// collective named it.
  static func saveUnitLinks(_ links: [UnitLink], in db: Database) throws {
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO classification_unit_links (unit_code, parent_code) VALUES (?, ?)
        ON CONFLICT (unit_code) DO UPDATE SET parent_code = excluded.parent_code
        """)
    for link in links where link.unitCode != link.parentCode {
      upsert.setUncheckedArguments([link.unitCode, link.parentCode])
      try upsert.execute()
    }
  }

  /// Every parent link recorded, by unit.
  func unitLinks() async throws -> [String: String] {
    try await read { db in
      var parents: [String: String] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT unit_code, parent_code FROM classification_unit_links")
      while let row = try rows.next() { parents[row[0]] = row[1] }
      return parents
    }
  }
}
