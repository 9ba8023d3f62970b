import GRPCCore
import ReformModule

/// What the caller of one job may act on: everything, or, for a clerk admitted only for their
/// own unit, that unit and the units under it. The unit tree is read once per job, and only
/// when a check needs it.
final class CallerScope {
  private let context: JobContext
  private let hierarchy: any ClassificationUnitHierarchy
  private var loaded: ClassificationUnits?

  init(_ context: JobContext, hierarchy: any ClassificationUnitHierarchy) {
    self.context = context
    self.hierarchy = hierarchy
  }

  /// The unit the caller is limited to, if any.
  var ownUnit: String? { context.ownUnitLimit }

  /// The unit tree, read on first use.
  func units() async throws -> ClassificationUnits {
    if let loaded { return loaded }
    let units = try await hierarchy.units()
    loaded = units
    return units
  }

  /// Refuses with `PERMISSION_DENIED` naming `field` when `unitCode` is outside the caller's
  /// own unit.
  func require(_ unitCode: String, field: String) async throws {
    guard let own = context.ownUnitLimit, unitCode != own else { return }
    let units = try await units()
    try context.requireScope(over: unitCode, field: field, isUnder: units.isUnder)
  }

  /// The root of a read: the unit asked for (checked against the caller's scope), or the
  /// caller's own unit when none was asked for and the caller is limited to it; empty for the
  /// whole bloc.
  func readRoot(_ requested: String, field: String) async throws -> String {
    if requested.isEmpty { return context.ownUnitLimit ?? "" }
    try ClassificationHandlers.checkLength(requested, field, ClassificationLimits.codeLength)
    try await require(requested, field: field)
    return requested
  }

  /// The units a read rooted at `root` covers: `nil` (every unit) for the whole bloc.
  func subtree(of root: String) async throws -> Set<String>? {
    root.isEmpty ? nil : try await units().subtree(of: root)
  }
}
