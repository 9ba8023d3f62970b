/// A target share, exact to a hundredth of a percent: held in basis points (10000 = 100%), so
/// that no floating point enters a comparison.
///
/// In JSON it is a plain number of percent (`80`, `33.33`); more than two decimals are refused.
public struct Percentage: Sendable, Hashable, Comparable, Codable {
  /// Hundredths of a percent: 8000 for 80%.
  public var basisPoints: Int

  /// A share in basis points.
  public init(basisPoints: Int) { self.basisPoints = basisPoints }

  /// A whole number of percent.
  public init(percent: Int) { self.basisPoints = percent * 100 }

  /// `"80%"`, or `"33.33%"`: the machine form, dot as decimal mark.
  public var text: String { Percentage.format(basisPoints, decimalMark: ".") + "%" }

  /// `"80%"`, or `"33,33%"`: the Vietnamese form, comma as decimal mark.
  public var vietnameseText: String { Percentage.format(basisPoints, decimalMark: ",") + "%" }

  /// Basis points as percent with at most two decimals, trailing zeros dropped.
  static func format(_ basisPoints: Int, decimalMark: String) -> String {
    let sign = basisPoints < 0 ? "-" : ""
    let magnitude = basisPoints.magnitude
    let whole = magnitude / 100
    let fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
    return sign + String(whole) + decimalMark + digits
  }

  public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.basisPoints < rhs.basisPoints }

  /// Decodes a number of percent with at most two decimals.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let whole = try? container.decode(Int.self) {
      self.init(percent: whole)
      return
    }
    let value = try container.decode(Double.self)
    let scaled = (value * 100).rounded()
    guard abs(scaled - value * 100) < 1e-6, abs(scaled) < 1e12 else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a percentage has at most two decimals, e.g. 33.33; got \(value)")
    }
    self.init(basisPoints: Int(scaled))
  }

  /// Encodes as a number of percent.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if basisPoints % 100 == 0 {
      try container.encode(basisPoints / 100)
    } else {
      try container.encode(Double(basisPoints) / 100)
    }
  }
}
