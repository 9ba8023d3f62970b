import Foundation
import GRDB
import ReformKit
import RegistryDomain

/// Reads and writes `registry_units` and `registry_unit_history`.
enum UnitRecords {
  /// The stored tree with its history, and each unit's stamp.
  static func load(_ db: Database) throws -> (UnitTree, [String: RecordStamp]) {
    var units: [OrgUnit] = []
    var stamps: [String: RecordStamp] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT code, name, short_name, kind, parent_code, organ_id, host_name, host_kind, opened, closed,
          successor_code, revision, created_at, updated_at FROM registry_units
        """)
    while let row = try rows.next() {
      let (unit, stamp) = try UnitRow(
        code: row[0], name: row[1], shortName: row[2], kind: row[3], parentCode: row[4], organId: row[5], hostName: row[6],
        hostKind: row[7], opened: row[8], closed: row[9], successorCode: row[10], revision: row[11], createdAt: row[12],
        updatedAt: row[13]
      ).unit()
      units.append(unit)
      stamps[unit.code] = stamp
    }
    var history: [UnitHistoryEntry] = []
    let entries = try Row.fetchCursor(
      db,
      sql: """
        SELECT unit_code, sequence, change, effective, from_parent_code, to_parent_code, from_name, to_name,
          successor_code, changed_fields, decision, reason, recorded_by_id, recorded_by_name, recorded_by_unit,
          recorded_by_roles, recorded_at FROM registry_unit_history ORDER BY id
        """)
    while let row = try entries.next() {
      history.append(
        try UnitHistoryRow(
          unitCode: row[0], sequence: row[1], change: row[2], effective: row[3], fromParentCode: row[4], toParentCode: row[5],
          fromName: row[6], toName: row[7], successorCode: row[8], changedFields: row[9], decision: row[10], reason: row[11],
          recordedById: row[12], recordedByName: row[13], recordedByUnit: row[14], recordedByRoles: row[15], recordedAt: row[16]
        ).entry())
    }
    do {
      return (try UnitTree(restoring: units, history: history), stamps)
    } catch {
      throw StoreCorruption(table: "registry_units", key: error.field, problem: error.message)
    }
  }
}

extension RegistryWrite {
  /// Stores a changed tree: the rows of the units in `changed` as they stand in `tree`, each a
  /// revision further (or created), and the history entries recorded.
  mutating func commitUnits(_ tree: UnitTree, changed: some Sequence<String>, history: [UnitHistoryEntry]) throws {
    touch(.units)
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO registry_units (code, name, short_name, kind, parent_code, organ_id, host_name, host_kind,
          opened, closed, successor_code, revision, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
          kind = excluded.kind, parent_code = excluded.parent_code, organ_id = excluded.organ_id,
          host_name = excluded.host_name, host_kind = excluded.host_kind, opened = excluded.opened,
          closed = excluded.closed, successor_code = excluded.successor_code, revision = excluded.revision,
          updated_at = excluded.updated_at
        """)
    for code in Set(changed) {
      guard let unit = tree.unit(code) else { continue }
      let stamp = state.unitStamps[code].map { $0.changed(at: now) } ?? .created(at: now)
      state.unitStamps[code] = stamp
      let row = UnitRow(unit, stamp)
      try upsert.execute(arguments: [
        row.code, row.name, row.shortName, row.kind, row.parentCode, row.organId, row.hostName, row.hostKind, row.opened,
        row.closed, row.successorCode, row.revision, row.createdAt, row.updatedAt,
      ])
    }
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO registry_unit_history (unit_code, sequence, change, effective, from_parent_code, to_parent_code,
          from_name, to_name, successor_code, changed_fields, decision, reason, recorded_by_id, recorded_by_name,
          recorded_by_unit, recorded_by_roles, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for entry in history {
      let row = try UnitHistoryRow(entry)
      try insert.execute(arguments: [
        row.unitCode, row.sequence, row.change, row.effective, row.fromParentCode, row.toParentCode, row.fromName,
        row.toName, row.successorCode, row.changedFields, row.decision, row.reason, row.recordedById, row.recordedByName,
        row.recordedByUnit, row.recordedByRoles, row.recordedAt,
      ])
    }
    state.tree = tree
  }
}
