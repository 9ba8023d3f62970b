import ReformModule
import RegistryDomain

/// The units a list call reads, from its `unit_code` and `include_subtree`: the unit named (the
/// caller's own when limited to it and naming none, then with its whole subtree), or every unit
/// when none is named. Made by ``JobContext/listed(_:includeSubtree:in:)``.
struct ListedUnits {
  /// The unit named; empty for every unit.
  let code: String
  /// Whether the units below ``code`` are read too.
  let includeSubtree: Bool

  /// The codes read, or `nil` for every unit.
  func codes(in tree: UnitTree) -> Set<String>? {
    code.isEmpty ? nil : includeSubtree ? Set(tree.subtree(of: code).map(\.code)) : [code]
  }

  /// Refuses on `unit_code` a unit that does not exist.
  func requireExists(in tree: UnitTree) throws {
    try tree.requireKnown(code, field: "unit_code")
  }
}

extension JobContext {
  /// The units a list reads when it names `unitCode` on `unit_code`, confined to the caller's
  /// own unit (see ``confined(_:field:in:)``).
  func listed(_ unitCode: String, includeSubtree: Bool, in tree: UnitTree) throws -> ListedUnits {
    ListedUnits(
      code: try confined(unitCode, field: "unit_code", in: tree),
      includeSubtree: includeSubtree || (unitCode.isEmpty && ownUnitLimit != nil))
  }
}
