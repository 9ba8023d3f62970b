import Foundation

/// One value of one indicator for one unit and period: the unit's own numerator and
/// denominator (its subtree's sums are ``IndicatorResult``'s), as `IndicatorValue` in
/// `indicator.proto`.
public struct IndicatorValue: Sendable, Hashable, Codable {
  /// Set, indicator, unit and period.
  public var key: IndicatorValueKey
  /// The unit's own count and total.
  public var ratio: Ratio
  /// How the value got in.
  public var origin: IndicatorValueOrigin
  /// Free text from the reporter, e.g. how the figure was counted.
  public var note: String
  /// Where the figure can be checked, e.g. a report's number and date.
  public var evidence: String
  /// Who reported, imported or computed it, when known.
  public var reportedBy: ActorRef?
  /// When (UTC), when known.
  public var reportedAt: Date?

  /// Makes a value.
  public init(
    key: IndicatorValueKey, ratio: Ratio, origin: IndicatorValueOrigin = .reported, note: String = "",
    evidence: String = "", reportedBy: ActorRef? = nil, reportedAt: Date? = nil
  ) {
    self.key = key
    self.ratio = ratio
    self.origin = origin
    self.note = note
    self.evidence = evidence
    self.reportedBy = reportedBy
    self.reportedAt = reportedAt
  }

  /// A value for the set, indicator, unit and period given.
  public init(
    set: String, indicator: String, unit: String, period: Period, _ numerator: Int, _ denominator: Int,
    origin: IndicatorValueOrigin = .reported
  ) {
    self.init(
      key: IndicatorValueKey(setID: set, indicatorCode: indicator, unitCode: unit, period: period),
      ratio: Ratio(numerator, denominator), origin: origin)
  }
}
