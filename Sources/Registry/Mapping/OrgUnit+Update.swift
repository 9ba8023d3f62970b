import ReformModule
import RegistryDomain
import ReformWire

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
