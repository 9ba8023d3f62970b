/// What a unit's risk is made of: how it meets the resolution's targets, how its members and
/// collectives were rated, and how long it has gone without a visit.
public enum RiskFactor: Sendable, Hashable, CaseIterable {
  /// The unit's indicators against their targets (chỉ tiêu).
  case indicators
  /// The year-end ratings of the unit and its members (xếp loại).
  case rating
  /// The time since the unit's last visit ended.
  case timeSinceVisit
}
