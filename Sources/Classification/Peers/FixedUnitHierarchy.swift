/// A unit tree given once, e.g. by a host that read the registry at start, or by a test.
public struct FixedUnitHierarchy: ClassificationUnitHierarchy {
  private let fixed: ClassificationUnits

  /// The tree `units`, for ever.
  public init(_ units: ClassificationUnits) {
    fixed = units
  }

  /// The tree given.
  public func units() async throws -> ClassificationUnits { fixed }
}
