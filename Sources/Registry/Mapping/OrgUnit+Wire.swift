import Foundation
import ReformKit
import ReformModule
import ReformWire
import RegistryDomain

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

extension OrgUnit {
  /// The fields `UpdateUnit` may change; `parent_code` and the closure change through MoveUnit
  /// and CloseUnit, which keep the history.
  static let mutableFields = ["name", "short_name", "kind", "organ_id", "host_name", "host_kind", "opened"]

  /// This unit with the fields named in `fields` (every mutable field when empty) taken from
  /// `wire`; only those fields are read.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `update_fields` for a field that cannot change here, or
  ///   on `unit.<field>` for a value that does not read.
  func updated(with wire: ReformWire.OrgUnit, fields: [String]) throws -> OrgUnit {
    var unit = self
    for (index, field) in (fields.isEmpty ? OrgUnit.mutableFields : fields).enumerated() {
      let path = "unit." + field
      switch field {
      case "name": unit.name = try TextLimit.short.checked(wire.name, field: path)
      case "short_name": unit.shortName = try TextLimit.short.checked(wire.shortName, field: path)
      case "kind": unit.kind = try wire.kind.required(field: path)
      case "organ_id": unit.organId = try TextLimit.short.checked(wire.organId, field: path)
      case "host_name": unit.hostName = try TextLimit.short.checked(wire.hostName, field: path)
      case "host_kind": unit.hostKind = try wire.hostKind.domain(field: path)
      case "opened": unit.opened = try CivilDate.required(wire.opened, field: path, what: "the date the unit opened")
      case "parent_code":
        throw FieldError.invalid("update_fields[\(index)]", "parent_code cannot change here; MoveUnit moves a unit and records the move")
      case "closed", "successor_code":
        throw FieldError.invalid("update_fields[\(index)]", "\(field) cannot change here; CloseUnit closes a unit and records it")
      case "code":
        throw FieldError.invalid("update_fields[\(index)]", "code names the unit and never changes")
      default:
        throw FieldError.invalid(
          "update_fields[\(index)]", "\"\(field)\" is not a field UpdateUnit changes; use \(OrgUnit.mutableFields.joined(separator: ", "))")
      }
    }
    return unit
  }
}
