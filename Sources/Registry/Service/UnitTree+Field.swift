import ReformModule
import RegistryDomain

/// A request's unit codes looked up in the tree, refused with `NOT_FOUND` on their field.
extension UnitTree {
  /// Refuses on `field` a code that names no unit; an empty code (none given) passes.
  func requireKnown(_ code: String, field: String) throws(FieldError) {
    if !code.isEmpty, unit(code) == nil { throw FieldError.notFound(field, "unit \"\(code)\" does not exist") }
  }

  /// The unit `code` names; refused on `field` when there is none, as required (`is required:
  /// what`) when the code is empty.
  func unit(_ code: String, field: String, required what: String) throws(FieldError) -> OrgUnit {
    guard let unit = unit(code) else {
      throw FieldError.notFound(field, code.isEmpty ? "is required: \(what)" : "unit \"\(code)\" does not exist")
    }
    return unit
  }
}
