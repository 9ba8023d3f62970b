/// One indicator of a report: the aggregate for the report's root, and the units below it
/// ranked.
public struct IndicatorReportSection: Sendable, Hashable {
  /// The indicator, with its name and target.
  public var indicator: IndicatorDefinition
  /// The indicator over the root's whole subtree: met or not, and coverage.
  public var aggregate: IndicatorResult
  /// The units below the root, by depth, then rank (units without data last), then name.
  public var rows: [IndicatorReportRow]

  /// Makes a section.
  public init(indicator: IndicatorDefinition, aggregate: IndicatorResult, rows: [IndicatorReportRow]) {
    self.indicator = indicator
    self.aggregate = aggregate
    self.rows = rows
  }
}
