/// One weighted factor of a unit's risk, as ``RiskFormula`` counts it.
public struct RiskComponent: Sendable, Hashable {
  public var factor: RiskFactor
  /// A refinement of the factor, e.g. `Chỉ tiêu 3a`; empty for none.
  public var name: String
  /// The factor's value, 0–10000 basis points, higher riskier.
  public var valueBP: Int
  /// The factor's weight, in basis points of the score.
  public var weightBP: Int
  /// What the factor adds to the score: `value × weight / 10000`, rounded down.
  public var contributionBP: Int
  /// How the value was found.
  public var detail: String

  /// The component of `factor` weighted `weightBP` with `reading`, its value clamped to
  /// 0–10000.
  public init(_ factor: RiskFactor, weightBP: Int, reading: RiskReading) {
    let value = min(RiskFormula.fullScale, max(0, reading.valueBP))
    self.factor = factor
    name = reading.name
    valueBP = value
    self.weightBP = weightBP
    contributionBP = value * weightBP / RiskFormula.fullScale
    self.detail = reading.detail
  }
}
