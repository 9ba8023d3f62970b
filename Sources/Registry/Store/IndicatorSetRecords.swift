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
        SELECT id, version, definition, defined_by_id, defined_by_name, defined_by_unit, defined_by_roles, defined_at
        FROM registry_indicator_sets
        """)
    while let row = try rows.next() {
      let key = "\(row[0] as String) v\(row[1] as Int)"
      let set: IndicatorSet
      do {
        set = try IndicatorSet.decode(json: row[2])
      } catch {
        throw StoreCorruption(table: "registry_indicator_sets", key: key, problem: error.description)
      }
      let definedAt: Double? = row[7]
      sets.append(
        StoredIndicatorSet(set: set, definedBy: ActorColumns.read(row, from: 3), definedAt: definedAt.map(Date.init(timeIntervalSince1970:))))
    }
    let builtIn = IndicatorSet.resolution01
    if !sets.contains(where: { $0.set.id == builtIn.id && $0.set.version == builtIn.version }) {
      sets.append(StoredIndicatorSet(set: builtIn, definedBy: nil, definedAt: nil))
    }
    return sets.sorted { ($0.set.id, $0.set.version) < ($1.set.id, $1.set.version) }
  }
}

extension RegistryWrite {
  /// Stores a new version of a set.
  mutating func commitSet(_ stored: StoredIndicatorSet) throws {
    touch(.sets)
    var arguments: [(any DatabaseValueConvertible)?] = [
      stored.set.id, stored.set.version, stored.set.status.rawValue, stored.set.encodedJSON(),
    ]
    arguments += ActorColumns.values(stored.definedBy)
    arguments.append(stored.definedAt?.timeIntervalSince1970)
    try db.execute(
      sql: """
        INSERT INTO registry_indicator_sets (id, version, status, definition, defined_by_id, defined_by_name,
          defined_by_unit, defined_by_roles, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: StatementArguments(arguments))
    state.sets.append(stored)
    state.sets.sort { ($0.set.id, $0.set.version) < ($1.set.id, $1.set.version) }
  }
}
