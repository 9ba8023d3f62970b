/// What identifies a value: set, indicator, unit and period.
public struct IndicatorValueKey: Sendable, Hashable, Codable {
  /// The set's id.
  public var setID: String
  /// The indicator's code within the set.
  public var indicatorCode: String
  /// The unit the value is for.
  public var unitCode: String
  /// The period.
  public var period: Period

  /// Makes a key.
  public init(setID: String, indicatorCode: String, unitCode: String, period: Period) {
    self.setID = setID
    self.indicatorCode = indicatorCode
    self.unitCode = unitCode
    self.period = period
  }

  /// The workflow period this value belongs to.
  public var periodKey: PeriodKey { PeriodKey(setID: setID, unitCode: unitCode, period: period) }
}
