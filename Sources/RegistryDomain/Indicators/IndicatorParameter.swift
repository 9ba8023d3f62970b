/// A named parameter of a computed indicator, e.g. `document` = "01-NQ/ĐUK" for
/// ``MemberIndicators/studyComputation``.
public struct IndicatorParameter: Sendable, Hashable, Codable {
  /// The parameter's name.
  public var name: String
  /// Its value.
  public var value: String

  /// Makes a parameter.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}
