/// One factor of a unit's risk, as the inspection module's risk source reads it from another
/// module or as ``RiskFormula`` finds it.
public struct RiskReading: Sendable, Hashable {
  /// The factor's value, 0–10000 basis points, higher riskier; values outside are clamped.
  public var valueBP: Int
  /// A refinement of the factor, e.g. `Chỉ tiêu 3a`; empty for none.
  public var name: String
  /// How the value was found, e.g. `3a: 62% against > 80%`.
  public var detail: String

  /// A reading.
  public init(valueBP: Int, name: String = "", detail: String = "") {
    self.valueBP = valueBP
    self.name = name
    self.detail = detail
  }
}
