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
      let code: String = row[0]
      func fail(_ problem: String) -> StoreCorruption { StoreCorruption(table: "registry_units", key: code, problem: problem) }
      guard let kind = UnitKind(rawValue: row[3]) else { throw fail("kind \(row[3] as String)") }
      guard let opened = CivilDate(parsing: row[8] as String) else { throw fail("opened") }
      let hostKind: String? = row[7]
      let closed: String? = row[9]
      units.append(
        OrgUnit(
          code: code, name: row[1], shortName: row[2], kind: kind, parentCode: row[4], organId: row[5], hostName: row[6],
          hostKind: hostKind.flatMap(HostOrganisationKind.init(rawValue:)), opened: opened,
          closed: closed.flatMap { CivilDate(parsing: $0) }, successorCode: row[10]))
      stamps[code] = RecordStamp(
        revision: row[11], createdAt: Date(timeIntervalSince1970: row[12]), updatedAt: Date(timeIntervalSince1970: row[13]))
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
      let code: String = row[0]
      let sequence: Int = row[1]
      func fail(_ problem: String) -> StoreCorruption {
        StoreCorruption(table: "registry_unit_history", key: "\(code) #\(sequence)", problem: problem)
      }
      guard let change = UnitChangeKind(rawValue: row[2]) else { throw fail("change") }
      guard let effective = CivilDate(parsing: row[3] as String) else { throw fail("effective") }
      guard let actor = ActorColumns.read(row, from: 12) else { throw fail("recorded_by") }
      let fields: String = row[9]
      let decision: String? = row[10]
      history.append(
        UnitHistoryEntry(
          sequence: sequence, unitCode: code, change: change, effective: effective, fromParentCode: row[4],
          toParentCode: row[5], fromName: row[6], toName: row[7], successorCode: row[8],
          changedFields: fields.isEmpty ? [] : fields.split(separator: "|").map(String.init),
          decision: try decision.map { try JSONDecoder().decode(SourceRef.self, from: Data($0.utf8)) }, reason: row[11],
          recordedBy: actor, recordedAt: Date(timeIntervalSince1970: row[16])))
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
      try upsert.execute(arguments: [
        unit.code, unit.name, unit.shortName, unit.kind.rawValue, unit.parentCode, unit.organId, unit.hostName,
        unit.hostKind?.rawValue, unit.opened.description, unit.closed?.description, unit.successorCode, stamp.revision,
        stamp.createdAt.timeIntervalSince1970, stamp.updatedAt.timeIntervalSince1970,
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
      let decision = try entry.decision.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
      var arguments: [(any DatabaseValueConvertible)?] = [
        entry.unitCode, entry.sequence, entry.change.rawValue, entry.effective.description, entry.fromParentCode,
        entry.toParentCode, entry.fromName, entry.toName, entry.successorCode, entry.changedFields.joined(separator: "|"),
        decision, entry.reason,
      ]
      arguments += ActorColumns.values(entry.recordedBy)
      arguments.append(entry.recordedAt.timeIntervalSince1970)
      try insert.execute(arguments: StatementArguments(arguments))
    }
    state.tree = tree
  }
}
