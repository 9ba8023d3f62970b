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
      let periodText: String = row[3]
      let origin: String = row[7]
      guard let period = Period(parsing: periodText), let origin = IndicatorValueOrigin(rawValue: origin) else {
        throw StoreCorruption(table: "registry_values", key: "\(row[0] as String) \(row[1] as String) \(row[2] as String)", problem: "period or origin")
      }
      let key = IndicatorValueKey(setID: row[0], indicatorCode: row[1], unitCode: row[2], period: period)
      let reportedAt: Double? = row[14]
      values.append(
        IndicatorValue(
          key: key, ratio: Ratio(row[5], row[6]), origin: origin, note: row[8], evidence: row[9],
          reportedBy: ActorColumns.read(row, from: 10), reportedAt: reportedAt.map(Date.init(timeIntervalSince1970:))))
      stamps[key] = ValueStamp(setVersion: row[4], revision: row[15])
    }
    var states: [PeriodState] = []
    let decoder = JSONDecoder()
    for row in try Row.fetchAll(db, sql: "SELECT set_id, unit_code, period, status, transitions FROM registry_period_states") {
      let periodText: String = row[2]
      let statusText: String = row[3]
      let transitions: String = row[4]
      guard let period = Period(parsing: periodText), let status = PeriodStatus(rawValue: statusText),
        let decoded = try? decoder.decode([PeriodTransition].self, from: Data(transitions.utf8))
      else {
        throw StoreCorruption(table: "registry_period_states", key: "\(row[0] as String) \(row[1] as String) \(periodText)", problem: "status or transitions")
      }
      states.append(
        PeriodState(restoring: PeriodKey(setID: row[0], unitCode: row[1], period: period), status: status, transitions: decoded))
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
      var arguments: [(any DatabaseValueConvertible)?] = [
        key.setID, key.indicatorCode, key.unitCode, key.period.description, stamp.setVersion, value.ratio.numerator,
        value.ratio.denominator, value.origin.rawValue, value.note, value.evidence,
      ]
      arguments += ActorColumns.values(value.reportedBy)
      arguments += [value.reportedAt?.timeIntervalSince1970, stamp.revision]
      try upsert.execute(arguments: StatementArguments(arguments))
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
    let encoder = JSONEncoder()
    for key in states {
      let periodState = book.state(key)
      let transitions = String(decoding: try encoder.encode(periodState.transitions), as: UTF8.self)
      try saveState.execute(arguments: [key.setID, key.unitCode, key.period.description, periodState.status.rawValue, transitions])
    }
    state.book = book
  }
}
