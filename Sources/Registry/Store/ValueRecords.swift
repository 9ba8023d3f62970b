import Foundation
import GRDB
import RegistryDomain

/// Reads and writes `registry_values`, `registry_period_states` and
/// `registry_value_removals`.
///
/// Every value and period-state row carries `changed_in`, the values revision that wrote it
/// last, and a withdrawn value leaves a removal row with the revision that withdrew it; so a
/// process holding the book at revision R reloads only what was written after R.
enum ValueRecords {
  /// Takes into `state` the values, withdrawals and period states written after revision
  /// `since` (every row for -1, into an empty book).
  static func load(_ db: Database, changedAfter since: Int64, into state: inout RegistrySnapshot) throws {
    var values: [(IndicatorValue, ValueStamp)] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT set_id, indicator_code, unit_code, period, set_version, numerator, denominator, origin, note, evidence,
          reported_by_id, reported_by_name, reported_by_unit, reported_by_roles, reported_at, revision, changed_in
        FROM registry_values WHERE changed_in > ?
        """, arguments: [since])
    while let row = try rows.next() {
      values.append(
        try ValueRow(
          setId: row[0], indicatorCode: row[1], unitCode: row[2], period: row[3], setVersion: row[4], numerator: row[5],
          denominator: row[6], origin: row[7], note: row[8], evidence: row[9], reportedById: row[10], reportedByName: row[11],
          reportedByUnit: row[12], reportedByRoles: row[13], reportedAt: row[14], revision: row[15], changedIn: row[16]
        ).value())
    }
    var removed: [IndicatorValueKey] = []
    if since >= 0 {
      for row in try Row.fetchAll(
        db, sql: "SELECT set_id, indicator_code, unit_code, period, removed_in FROM registry_value_removals WHERE removed_in > ?",
        arguments: [since])
      {
        removed.append(
          try ValueRemovalRow(setId: row[0], indicatorCode: row[1], unitCode: row[2], period: row[3], removedIn: row[4]).key())
      }
    }
    var states: [PeriodState] = []
    for row in try Row.fetchAll(
      db, sql: "SELECT set_id, unit_code, period, status, transitions, changed_in FROM registry_period_states WHERE changed_in > ?",
      arguments: [since])
    {
      states.append(
        try PeriodStateRow(setId: row[0], unitCode: row[1], period: row[2], status: row[3], transitions: row[4], changedIn: row[5])
          .state())
    }
    state.restore(values: values, removed: removed, states: states)
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
    let changedIn = touch(.values)
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO registry_values (set_id, indicator_code, unit_code, period, set_version, numerator, denominator,
          origin, note, evidence, reported_by_id, reported_by_name, reported_by_unit, reported_by_roles, reported_at,
          revision, changed_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (set_id, indicator_code, unit_code, period) DO UPDATE SET set_version = excluded.set_version,
          numerator = excluded.numerator, denominator = excluded.denominator, origin = excluded.origin,
          note = excluded.note, evidence = excluded.evidence, reported_by_id = excluded.reported_by_id,
          reported_by_name = excluded.reported_by_name, reported_by_unit = excluded.reported_by_unit,
          reported_by_roles = excluded.reported_by_roles, reported_at = excluded.reported_at,
          revision = excluded.revision, changed_in = excluded.changed_in
        """)
    for key in changed {
      guard let value = book.valuesByKey[key] else { continue }
      let stamp = ValueStamp(setVersion: setVersion(key.setID), revision: (state.valueStamps[key]?.revision ?? 0) + 1)
      let row = ValueRow(value, stamp, changedIn: changedIn)
      try upsert.execute(arguments: [
        row.setId, row.indicatorCode, row.unitCode, row.period, row.setVersion, row.numerator, row.denominator, row.origin,
        row.note, row.evidence, row.reportedById, row.reportedByName, row.reportedByUnit, row.reportedByRoles,
        row.reportedAt, row.revision, row.changedIn,
      ])
      state.valueStamps[key] = stamp
    }
    let delete = try db.cachedStatement(
      sql: "DELETE FROM registry_values WHERE set_id = ? AND indicator_code = ? AND unit_code = ? AND period = ?")
    let noteRemoval = try db.cachedStatement(
      sql: """
        INSERT INTO registry_value_removals (set_id, indicator_code, unit_code, period, removed_in) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (set_id, indicator_code, unit_code, period) DO UPDATE SET removed_in = excluded.removed_in
        """)
    for key in removed {
      let row = ValueRemovalRow(key, removedIn: changedIn)
      try delete.execute(arguments: [row.setId, row.indicatorCode, row.unitCode, row.period])
      try noteRemoval.execute(arguments: [row.setId, row.indicatorCode, row.unitCode, row.period, row.removedIn])
      state.valueStamps[key] = nil
    }
    let saveState = try db.cachedStatement(
      sql: """
        INSERT INTO registry_period_states (set_id, unit_code, period, status, transitions, changed_in) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (set_id, unit_code, period) DO UPDATE SET status = excluded.status, transitions = excluded.transitions,
          changed_in = excluded.changed_in
        """)
    for key in states {
      let row = try PeriodStateRow(book.state(key), key: key, changedIn: changedIn)
      try saveState.execute(arguments: [row.setId, row.unitCode, row.period, row.status, row.transitions, row.changedIn])
    }
    state.book = book
  }
}
