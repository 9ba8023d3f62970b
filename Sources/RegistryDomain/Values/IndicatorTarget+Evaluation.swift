extension IndicatorTarget {
  /// Whether `value` meets the target, compared exactly: `numerator × 10000` against
  /// `target basis points × denominator`, in integers. So "= 100%" holds exactly when the
  /// numerator equals the denominator, and "> 80%" fails at 4/5 and holds at 4001/5000.
  public func outcome(for value: Ratio) -> TargetOutcome {
    guard value.hasData else { return .noData }
    let left = Int128(value.numerator) * 10_000
    let right = Int128(percent.basisPoints) * Int128(value.denominator)
    let met: Bool
    switch comparison {
    case .greaterOrEqual: met = left >= right
    case .greater: met = left > right
    case .equal: met = left == right
    case .lessOrEqual: met = left <= right
    case .less: met = left < right
    }
    return met ? .met : .notMet
  }

  /// Attainment in basis points, rounded half up, 10000 meaning exactly the target: value ÷
  /// target for ≥, > and =; target ÷ value for ≤ and <, so that higher is always better.
  /// 0 without data; for a zero target (or a zero value under ≤ and <), 10000 when met and 0
  /// otherwise.
  public func attainmentBasisPoints(for value: Ratio) -> Int {
    let outcome = outcome(for: value)
    guard outcome != .noData else { return 0 }
    let target = Int128(percent.basisPoints)
    let numerator = Int128(value.numerator)
    let denominator = Int128(value.denominator)
    switch comparison {
    case .greaterOrEqual, .greater, .equal:
      guard target > 0 else { return outcome == .met ? 10_000 : 0 }
      // (n/d) ÷ (t/10000) × 10000 = n × 10⁸ ÷ (d × t)
      return Ratio.divideRoundingHalfUp(numerator * 100_000_000, denominator * target)
    case .lessOrEqual, .less:
      guard numerator > 0, target > 0 else { return outcome == .met ? 10_000 : 0 }
      // (t/10000) ÷ (n/d) × 10000 = t × d ÷ n
      return Ratio.divideRoundingHalfUp(target * denominator, numerator)
    }
  }

  /// Orders two values by the target's direction: `true` when `lhs` is strictly better —
  /// higher for ≥ and >, lower for ≤ and <, nearer the target for =. Exact, in integers: the
  /// cross products of two `Int` ratios scaled to basis points outgrow `Int128`, so they are
  /// compared at full width.
  public func isBetter(_ lhs: Ratio, than rhs: Ratio) -> Bool {
    let target = Int128(percent.basisPoints)
    // Compare a/b with c/d as a×d against c×b; both denominators are positive here.
    let a = Int128(lhs.numerator) * 10_000
    let b = Int128(lhs.denominator)
    let c = Int128(rhs.numerator) * 10_000
    let d = Int128(rhs.denominator)
    switch comparison {
    case .greaterOrEqual, .greater: return Self.product(c, b) < Self.product(a, d)
    case .lessOrEqual, .less: return Self.product(a, d) < Self.product(c, b)
    case .equal:
      // Distance |a/b − t| = |a − t×b| / b.
      let left = (a - target * b).magnitude
      let right = (c - target * d).magnitude
      return Self.product(left, d.magnitude) < Self.product(right, b.magnitude)
    }
  }

  /// `x × y` exactly, as a 256-bit value whose halves compare in order.
  private static func product<Number: FixedWidthInteger>(_ x: Number, _ y: Number) -> FullWidthProduct<Number> {
    let (high, low) = x.multipliedFullWidth(by: y)
    return FullWidthProduct(high: high, low: low)
  }
}

/// A double-width product: `high` (signed like its factors) then `low`, compared in that order.
private struct FullWidthProduct<Number: FixedWidthInteger>: Comparable {
  let high: Number
  let low: Number.Magnitude

  static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}
