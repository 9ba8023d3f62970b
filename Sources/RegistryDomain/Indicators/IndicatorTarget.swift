/// A target (mục tiêu): the comparison and the share, with the source's wording, as
/// `IndicatorTarget` in `indicator.proto`. "100%" targets are written ≥ 100%.
///
/// Evaluation is exact, in integers: see ``outcome(for:)``.
public struct IndicatorTarget: Sendable, Hashable, Codable {
  /// How a value is compared with ``percent``.
  public var comparison: TargetComparison
  /// The target share, e.g. 80% for "trên 80%".
  public var percent: Percentage
  /// The target's wording in the source, e.g. "Trên 80%".
  public var wording: String

  /// Makes a target.
  public init(_ comparison: TargetComparison, _ percent: Percentage, wording: String = "") {
    self.comparison = comparison
    self.percent = percent
    self.wording = wording
  }

  /// The target in symbols, e.g. "> 80%" (Vietnamese decimal mark).
  public var text: String { "\(comparison.symbol) \(percent.vietnameseText)" }

  private enum CodingKeys: String, CodingKey { case comparison, percent, wording }

  /// Decodes, with `wording` optional.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    comparison = try container.decode(TargetComparison.self, forKey: .comparison)
    percent = try container.decode(Percentage.self, forKey: .percent)
    wording = try container.decodeIfPresent(String.self, forKey: .wording) ?? ""
  }
}
