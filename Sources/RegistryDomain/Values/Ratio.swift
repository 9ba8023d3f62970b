/// An exact non-negative fraction, numerator over denominator, as `IndicatorRatio` in
/// `indicator.proto`. A denominator of 0 means "no data". Shares are shown in basis points
/// (10000 = 100%), computed in integers.
public struct Ratio: Sendable, Hashable, Codable {
  /// What was counted (tử số).
  public var numerator: Int
  /// Out of how many (mẫu số).
  public var denominator: Int

  /// Makes a ratio.
  public init(_ numerator: Int, _ denominator: Int) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// 0/0: nothing counted.
  public static let zero = Ratio(0, 0)

  /// Whether there is data: a denominator above 0.
  public var hasData: Bool { denominator > 0 }

  /// Adds numerators to numerators and denominators to denominators — never percentages.
  public static func + (lhs: Ratio, rhs: Ratio) -> Ratio {
    Ratio(lhs.numerator + rhs.numerator, lhs.denominator + rhs.denominator)
  }

  /// The share in basis points, rounded half up; 0 when there is no data.
  public var basisPoints: Int {
    guard denominator > 0 else { return 0 }
    return Ratio.divideRoundingHalfUp(Int128(numerator) * 10_000, Int128(denominator))
  }

  /// The share as Vietnamese text, e.g. "66,67%"; "—" when there is no data.
  public var percentText: String {
    hasData ? Percentage.format(basisPoints, decimalMark: ",") + "%" : "—"
  }

  /// `a / b` rounded half up, for non-negative `a` and positive `b`, clamped to `Int`.
  static func divideRoundingHalfUp(_ a: Int128, _ b: Int128) -> Int {
    let quotient = (a * 2 + b) / (b * 2)
    return quotient > Int128(Int.max) ? Int.max : Int(quotient)
  }
}
