/// Whether a value meets its target, as `IndicatorTargetOutcome` in `indicator.proto`.
public enum TargetOutcome: String, Sendable, Hashable, Codable, CaseIterable {
  /// Đạt.
  case met = "MET"
  /// Không đạt.
  case notMet = "NOT_MET"
  /// No data: denominator 0.
  case noData = "NO_DATA"

  /// "Đạt", "Không đạt" or "Chưa có số liệu".
  public var vietnameseName: String {
    switch self {
    case .met: return "Đạt"
    case .notMet: return "Không đạt"
    case .noData: return "Chưa có số liệu"
    }
  }

  /// ✓, ✗ or –: readable without colour.
  public var symbol: String {
    switch self {
    case .met: return "✓"
    case .notMet: return "✗"
    case .noData: return "–"
    }
  }
}
