/// What a reporting workflow is kept for: one unit's values of one set for one period.
public struct PeriodKey: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The set's id.
  public var setID: String
  /// The unit.
  public var unitCode: String
  /// The period.
  public var period: Period

  /// Makes a key.
  public init(setID: String, unitCode: String, period: Period) {
    self.setID = setID
    self.unitCode = unitCode
    self.period = period
  }

  /// `"set 01-NQ-DUK-2020-2025, unit DBCS-SNV, period 2024"`.
  public var description: String { "set \(setID), unit \(unitCode), period \(period)" }
}
