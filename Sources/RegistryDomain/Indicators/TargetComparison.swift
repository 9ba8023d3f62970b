/// How a value is compared with its target, as `TargetComparison` in `indicator.proto`.
public enum TargetComparison: String, Sendable, Hashable, Codable, CaseIterable {
  /// ≥ (đạt từ … trở lên, tối thiểu).
  case greaterOrEqual = "GREATER_OR_EQUAL"
  /// > (trên).
  case greater = "GREATER"
  /// = (exactly).
  case equal = "EQUAL"
  /// ≤ (không quá).
  case lessOrEqual = "LESS_OR_EQUAL"
  /// < (dưới).
  case less = "LESS"

  /// The mathematical symbol, e.g. "≥".
  public var symbol: String {
    switch self {
    case .greaterOrEqual: return "≥"
    case .greater: return ">"
    case .equal: return "="
    case .lessOrEqual: return "≤"
    case .less: return "<"
    }
  }

  /// Whether more is better (≥ and >); `false` for ≤ and <, and for = where nearer is better.
  public var prefersHigher: Bool { self == .greaterOrEqual || self == .greater }
}
