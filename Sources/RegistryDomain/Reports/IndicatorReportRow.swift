/// One unit's line in a report section: the indicator aggregated over the unit's subtree and
/// its rank among the units at the same depth, as `RegistryReportRow` in `registry.proto`.
public struct IndicatorReportRow: Sendable, Hashable {
  /// The unit.
  public var unit: OrgUnit
  /// Levels below the report's root (the root is 0).
  public var depth: Int
  /// The indicator over the unit's subtree.
  public var result: IndicatorResult
  /// 1 for the best of the rows at the same depth by the target's direction; equal values
  /// share a rank (1, 2, 2, 4); 0 for a unit without data.
  public var rank: Int
  /// How many rows were ranked with this one.
  public var rankedCount: Int

  /// Makes a row.
  public init(unit: OrgUnit, depth: Int, result: IndicatorResult, rank: Int, rankedCount: Int) {
    self.unit = unit
    self.depth = depth
    self.result = result
    self.rank = rank
    self.rankedCount = rankedCount
  }
}
