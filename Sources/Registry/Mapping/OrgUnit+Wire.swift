import Foundation
import RegistryDomain
import ReformWire

extension OrgUnit {
  /// The unit a wire `OrgUnit` describes; output-only fields are ignored.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming `field.kind`, `field.opened`… for a value that does not
  ///   read; the tree's rules are checked later, by the domain.
  init(wire unit: ReformWire.OrgUnit, field: String) throws {
    self.init(
      code: try TextLimit.short.checked(unit.code, field: field + ".code"),
      name: try TextLimit.short.checked(unit.name, field: field + ".name"),
      shortName: try TextLimit.short.checked(unit.shortName, field: field + ".short_name"),
      kind: try unit.kind.required(field: field + ".kind"),
      parentCode: unit.parentCode.isEmpty ? nil : try TextLimit.short.checked(unit.parentCode, field: field + ".parent_code"),
      organId: try TextLimit.short.checked(unit.organId, field: field + ".organ_id"),
      hostName: try TextLimit.short.checked(unit.hostName, field: field + ".host_name"),
      hostKind: try unit.hostKind.domain(field: field + ".host_kind"),
      opened: try CivilDate.required(unit.opened, field: field + ".opened", what: "the date the unit opened"),
      closed: try CivilDate.optional(unit.closed, field: field + ".closed"),
      successorCode: try TextLimit.short.checked(unit.successorCode, field: field + ".successor_code"))
  }

  /// The unit on the wire, with its output-only fields: ancestors and depth from `tree`,
  /// revision and times from `stamp`.
  func wire(in tree: UnitTree, stamp: RecordStamp?) -> ReformWire.OrgUnit {
    let ancestors = tree.ancestors(of: code).map(\.code)
    return ReformWire.OrgUnit(
      code: code, name: name, shortName: shortName, kind: ReformWire.UnitKind(kind), parentCode: parentCode ?? "",
      organId: organId, hostName: hostName, hostKind: hostKind.map(ReformWire.HostOrganisationKind.init) ?? .unspecified,
      opened: opened.wire, closed: closed?.wire, successorCode: successorCode, ancestorCodes: ancestors,
      depth: Int32(clamping: ancestors.count), revision: stamp?.revision ?? 0,
      createdAt: stamp.map { Timestamp($0.createdAt) }, updatedAt: stamp.map { Timestamp($0.updatedAt) })
  }
}

extension UnitHistoryEntry {
  /// The entry on the wire.
  var wire: ReformWire.UnitHistoryEntry {
    ReformWire.UnitHistoryEntry(
      sequence: Int64(sequence), unitCode: unitCode, change: ReformWire.UnitChangeKind(change), effective: effective.wire,
      fromParentCode: fromParentCode ?? "", toParentCode: toParentCode ?? "", fromName: fromName ?? "", toName: toName ?? "",
      successorCode: successorCode ?? "", changedFields: changedFields, decision: decision?.wire, reason: reason,
      recordedBy: recordedBy.wire, recordedAt: Timestamp(recordedAt))
  }
}
