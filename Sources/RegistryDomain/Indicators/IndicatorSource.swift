/// Where the values of an indicator come from, as `IndicatorSource` in `indicator.proto`.
public enum IndicatorSource: String, Sendable, Hashable, Codable, CaseIterable {
  /// Units report numerator and denominator (báo cáo), by call or CSV import.
  case reported = "REPORTED"
  /// Computed from the people the registry holds (indicator 1 from study records, 4b from
  /// political-theory levels against title requirements).
  case computedFromMembers = "COMPUTED_FROM_MEMBERS"
  /// Computed from the exchange module's counts of documents exchanged on the network (3a).
  case computedFromExchange = "COMPUTED_FROM_EXCHANGE"
  /// Computed from the classification module's year-end ratings.
  case computedFromRatings = "COMPUTED_FROM_RATINGS"

  /// The built-in computations a definition of this source may name.
  public var knownComputations: Set<String> {
    switch self {
    case .reported: return []
    case .computedFromMembers: return [MemberIndicators.studyComputation, MemberIndicators.theoryLevelComputation]
    case .computedFromExchange: return [ExchangeComputation.networkShare]
    case .computedFromRatings: return ["ratings.share"]
    }
  }

  /// The Vietnamese description for reports, e.g. "Đơn vị báo cáo".
  public var vietnameseName: String {
    switch self {
    case .reported: return "Đơn vị báo cáo"
    case .computedFromMembers: return "Tính từ dữ liệu cán bộ, đảng viên"
    case .computedFromExchange: return "Tính từ số liệu trao đổi văn bản"
    case .computedFromRatings: return "Tính từ kết quả đánh giá, xếp loại"
    }
  }
}
