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

  /// The largest numerator or denominator one value may hold: 10¹², a million times the
  /// members of the largest bloc. Values are refused above it where they enter
  /// (``IndicatorValue/problems(in:tree:)``), so the sums of any tree of fewer than nine
  /// million units stay within `Int`; the arithmetic below still never traps on a value
  /// stored before the bound.
  public static let largestCount = 1_000_000_000_000

  /// Whether there is data: a denominator above 0.
  public var hasData: Bool { denominator > 0 }

  /// Adds numerators to numerators and denominators to denominators — never percentages.
  ///
  /// Each sum stops at `Int.max` (or `Int.min`) instead of trapping: only values stored before
  /// ``largestCount`` was enforced can get there, and a report over them then shows a clamped
  /// figure rather than taking the worker down.
  public static func + (lhs: Ratio, rhs: Ratio) -> Ratio {
    Ratio(saturating(lhs.numerator, rhs.numerator), saturating(lhs.denominator, rhs.denominator))
  }

  /// `a + b`, clamped to `Int`'s range.
  static func saturating(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard overflow else { return sum }
    return b > 0 ? Int.max : Int.min
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

  /// `a / b` rounded half up, for non-negative `a` and positive `b`, clamped to `Int`. Callers
  /// pass products of `Int`s by at most 10⁸, far inside `Int128`; a negative `a` (a value
  /// stored before the bounds) rounds too and is clamped at `Int.min`.
  static func divideRoundingHalfUp(_ a: Int128, _ b: Int128) -> Int {
    let quotient = (a * 2 + b) / (b * 2)
    return Int(clamping: quotient)
  }
}
