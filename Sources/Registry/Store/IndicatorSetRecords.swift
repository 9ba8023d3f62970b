import Foundation
import GRDB
import RegistryDomain

/// Reads and writes `registry_indicator_sets`: each version's definition as the JSON the
/// domain reads and writes (the form operators diff), with who defined it and when.
enum IndicatorSetRecords {
  /// Every stored version, with the built-in set of 01-NQ/ĐUK (version 1) unless a stored row
  /// takes its place, by id then version.
  static func load(_ db: Database) throws -> [StoredIndicatorSet] {
    var sets: [StoredIndicatorSet] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, version, status, definition, defined_by_id, defined_by_name, defined_by_unit, defined_by_roles, defined_at
        FROM registry_indicator_sets
        """)
    while let row = try rows.next() {
      sets.append(
        try IndicatorSetRow(
          id: row[0], version: row[1], status: row[2], definition: row[3], definedById: row[4], definedByName: row[5],
          definedByUnit: row[6], definedByRoles: row[7], definedAt: row[8]
        ).stored())
    }
    return StoredIndicatorSet.withBuiltIn(sets)
  }
}

extension RegistryWrite {
  /// Stores a new version of a set.
  mutating func commitSet(_ stored: StoredIndicatorSet) throws {
    touch(.sets)
    let row = IndicatorSetRow(stored)
    try db.execute(
      sql: """
        INSERT INTO registry_indicator_sets (id, version, status, definition, defined_by_id, defined_by_name,
          defined_by_unit, defined_by_roles, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        row.id, row.version, row.status, row.definition, row.definedById, row.definedByName, row.definedByUnit,
        row.definedByRoles, row.definedAt,
      ])
    state.sets.append(stored)
    state.sets.sort { ($0.set.id, $0.set.version) < ($1.set.id, $1.set.version) }
  }
}
