/// A value that could not be computed, and why, as `IndicatorComputationSkip` in
/// `registry.proto`.
public struct IndicatorComputationSkip: Sendable, Hashable {
  /// The indicator.
  public var indicatorCode: String
  /// The unit; `nil` when the whole indicator was skipped.
  public var unitCode: String?
  /// Why, e.g. "no exchange counts for this period".
  public var reason: String

  /// Makes a skip.
  public init(indicatorCode: String, unitCode: String? = nil, reason: String) {
    self.indicatorCode = indicatorCode
    self.unitCode = unitCode
    self.reason = reason
  }
}
