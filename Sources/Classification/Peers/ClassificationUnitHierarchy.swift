/// Where the classification module learns the unit tree: which unit lies under which.
///
/// The tree comes from the registry (``RegistryUnitHierarchy``, through the coordinator), a
/// tree given by the host (``FixedUnitHierarchy``), or the links the submitted collectives
/// themselves name — their `parent_unit_code` and disciplined subordinates
/// (``SubmittedUnitHierarchy``, the default).
public protocol ClassificationUnitHierarchy: Sendable {
  /// The tree as it stands now.
  ///
  /// - Throws: an `RPCError` (e.g. `UNAVAILABLE`) when the tree cannot be read.
  func units() async throws -> ClassificationUnits
}
