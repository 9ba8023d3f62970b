/// An inspector (kiểm tra viên, cán bộ kiểm tra), member of one ``Team``.
public struct Inspector: Sendable, Hashable {
  /// Unique in the input.
  public var inspectorID: String
  /// The inspector's full name, e.g. `Nguyễn Văn An`.
  public var fullName: String
  /// The inspector's own unit: they never inspect it.
  public var homeUnitCode: String
  /// Further units the inspector may not inspect (conflict of interest).
  public var conflictUnitCodes: [String]
  /// Leave and unavailable days.
  public var unavailable: [Unavailability]

  /// An inspector.
  public init(
    inspectorID: String, fullName: String, homeUnitCode: String, conflictUnitCodes: [String] = [],
    unavailable: [Unavailability] = []
  ) {
    self.inspectorID = inspectorID
    self.fullName = fullName
    self.homeUnitCode = homeUnitCode
    self.conflictUnitCodes = conflictUnitCodes
    self.unavailable = unavailable
  }
}
