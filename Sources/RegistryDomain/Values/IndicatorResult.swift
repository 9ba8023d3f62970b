/// An indicator aggregated over a unit's subtree for one period, with its standing against
/// the target and how complete the data is, as `IndicatorResult` in `indicator.proto`.
public struct IndicatorResult: Sendable, Hashable, Codable {
  /// The set's id.
  public var setID: String
  /// The indicator's code.
  public var indicatorCode: String
  /// The root of the subtree aggregated.
  public var unitCode: String
  /// The period.
  public var period: Period
  /// Sums over the subtree (per the indicator's aggregation).
  public var ratio: Ratio
  /// The share in basis points, rounded half up; 0 without data.
  public var valueBasisPoints: Int
  /// Attainment against the target in basis points (see
  /// ``IndicatorTarget/attainmentBasisPoints(for:)``).
  public var attainmentBasisPoints: Int
  /// Met, not met, or no data.
  public var outcome: TargetOutcome
  /// Units of the subtree expected to report that have a value.
  public var unitsReported: Int
  /// Units of the subtree expected to report: open on the period's last day, of a reporting
  /// kind.
  public var unitsExpected: Int
  /// Of ``unitsReported``, those whose period is approved.
  public var unitsApproved: Int

  /// Makes a result.
  public init(
    setID: String, indicatorCode: String, unitCode: String, period: Period, ratio: Ratio, valueBasisPoints: Int,
    attainmentBasisPoints: Int, outcome: TargetOutcome, unitsReported: Int, unitsExpected: Int, unitsApproved: Int
  ) {
    self.setID = setID
    self.indicatorCode = indicatorCode
    self.unitCode = unitCode
    self.period = period
    self.ratio = ratio
    self.valueBasisPoints = valueBasisPoints
    self.attainmentBasisPoints = attainmentBasisPoints
    self.outcome = outcome
    self.unitsReported = unitsReported
    self.unitsExpected = unitsExpected
    self.unitsApproved = unitsApproved
  }

  /// Coverage: reported ÷ expected, as a ratio of units.
  public var coverage: Ratio { Ratio(unitsReported, unitsExpected) }
}
