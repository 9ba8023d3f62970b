/// How a value got into the registry, as `IndicatorValueOrigin` in `indicator.proto`.
public enum IndicatorValueOrigin: String, Sendable, Hashable, Codable, CaseIterable {
  /// Reported by a unit.
  case reported = "REPORTED"
  /// Loaded from a CSV import.
  case imported = "IMPORTED"
  /// Computed from data the system holds.
  case computed = "COMPUTED"
}
