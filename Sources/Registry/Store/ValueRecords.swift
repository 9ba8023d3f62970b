import Foundation
import GRDB
import RegistryDomain

/// Reads and writes `registry_values` and `registry_period_states`.
enum ValueRecords {
  /// Every stored value and period state, as a book, with each value's stamp.
  static func load(_ db: Database) throws -> (ReportingBook, [IndicatorValueKey: ValueStamp]) {
    var values: [IndicatorValue] = []
    var stamps: [IndicatorValueKey: ValueStamp] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT set_id, indicator_code, unit_code, period, set_version, numerator, denominator, origin, note, evidence,
          reported_by_id, reported_by_name, reported_by_unit, reported_by_roles, reported_at, revision
        FROM registry_values
        """)
    while let row = try rows.next() {
      let (value, stamp) = try ValueRow(
        setId: row[0], indicatorCode: row[1], unitCode: row[2], period: row[3], setVersion: row[4], numerator: row[5],
        denominator: row[6], origin: row[7], note: row[8], evidence: row[9], reportedById: row[10], reportedByName: row[11],
        reportedByUnit: row[12], reportedByRoles: row[13], reportedAt: row[14], revision: row[15]
      ).value()
      values.append(value)
      stamps[value.key] = stamp
    }
    var states: [PeriodState] = []
    for row in try Row.fetchAll(db, sql: "SELECT set_id, unit_code, period, status, transitions FROM registry_period_states") {
      states.append(try PeriodStateRow(setId: row[0], unitCode: row[1], period: row[2], status: row[3], transitions: row[4]).state())
    }
    return (ReportingBook(restoring: values, states: states), stamps)
  }
}

extension RegistryWrite {
  /// Stores a changed book: the values at `changed` as they stand in `book` (each a revision
  /// further, against `setVersion`), the values at `removed` deleted, and the period states at
  /// `states` as they stand.
  mutating func commitBook(
    _ book: ReportingBook, changed: [IndicatorValueKey], removed: [IndicatorValueKey] = [], states: [PeriodKey] = [],
    setVersion: (String) -> Int
  ) throws {
    guard !changed.isEmpty || !removed.isEmpty || !states.isEmpty else { return }
    touch(.values)
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO registry_values (set_id, indicator_code, unit_code, period, set_version, numerator, denominator,
          origin, note, evidence, reported_by_id, reported_by_name, reported_by_unit, reported_by_roles, reported_at,
          revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (set_id, indicator_code, unit_code, period) DO UPDATE SET set_version = excluded.set_version,
          numerator = excluded.numerator, denominator = excluded.denominator, origin = excluded.origin,
          note = excluded.note, evidence = excluded.evidence, reported_by_id = excluded.reported_by_id,
          reported_by_name = excluded.reported_by_name, reported_by_unit = excluded.reported_by_unit,
          reported_by_roles = excluded.reported_by_roles, reported_at = excluded.reported_at,
          revision = excluded.revision
        """)
    for key in changed {
      guard let value = book.valuesByKey[key] else { continue }
      let stamp = ValueStamp(setVersion: setVersion(key.setID), revision: (state.valueStamps[key]?.revision ?? 0) + 1)
      let row = ValueRow(value, stamp)
      try upsert.execute(arguments: [
        row.setId, row.indicatorCode, row.unitCode, row.period, row.setVersion, row.numerator, row.denominator, row.origin,
        row.note, row.evidence, row.reportedById, row.reportedByName, row.reportedByUnit, row.reportedByRoles,
        row.reportedAt, row.revision,
      ])
      state.valueStamps[key] = stamp
    }
    let delete = try db.cachedStatement(
      sql: "DELETE FROM registry_values WHERE set_id = ? AND indicator_code = ? AND unit_code = ? AND period = ?")
    for key in removed {
      try delete.execute(arguments: [key.setID, key.indicatorCode, key.unitCode, key.period.description])
      state.valueStamps[key] = nil
    }
    let saveState = try db.cachedStatement(
      sql: """
        INSERT INTO registry_period_states (set_id, unit_code, period, status, transitions) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (set_id, unit_code, period) DO UPDATE SET status = excluded.status, transitions = excluded.transitions
        """)
    for key in states {
      let row = try PeriodStateRow(book.state(key), key: key)
      try saveState.execute(arguments: [row.setId, row.unitCode, row.period, row.status, row.transitions])
    }
    state.book = book
  }
}
