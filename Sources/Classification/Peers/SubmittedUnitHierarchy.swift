/// The unit tree the submitted collectives themselves name, kept in the module's store.
///
/// A collective names the unit above it (`parent_unit_code`) and the subordinate units
/// disciplined in the year (`disciplined_subordinate_unit_codes`), each of which lies under
/// it; a later submission replaces a unit's parent. Where the registry is reachable,
/// ``RegistryUnitHierarchy`` gives the whole tree. Names are the collectives' names as last
/// submitted.
public struct SubmittedUnitHierarchy: ClassificationUnitHierarchy {
  private let store: any ClassificationStoring

  init(store: any ClassificationStoring) {
    self.store = store
  }

  /// The links recorded so far.
  public func units() async throws -> ClassificationUnits {
    ClassificationUnits(parents: try await store.unitLinks(), names: try await store.collectiveNames())
  }
}
