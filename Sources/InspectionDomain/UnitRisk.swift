/// A unit's risk: riskier units are visited earlier.
public struct UnitRisk: Sendable, Hashable {
  /// The unit.
  public var unitCode: String
  /// The score, 0–10000 basis points; higher is riskier.
  public var scoreBP: Int

  /// A unit's risk.
  public init(unitCode: String, scoreBP: Int) {
    self.unitCode = unitCode
    self.scoreBP = scoreBP
  }
}
