/// How an indicator's values for a unit's subtree are combined, as `IndicatorAggregation` in
/// `indicator.proto`. Percentages are never averaged.
public enum IndicatorAggregation: String, Sendable, Hashable, Codable, CaseIterable {
  /// Sum the numerators and the denominators of every unit of the subtree, then divide:
  /// 3/4, 1/2 and 0/0 make 4/6.
  case sumRatio = "SUM_RATIO"
  /// Count units: numerator = units of the subtree whose own value meets the target,
  /// denominator = units expected to report.
  case unitsMeeting = "UNITS_MEETING"
}
