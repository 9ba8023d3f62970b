/// What the quota's share is taken of.
public enum QuotaBasis: String, Sendable, Hashable, Codable, CaseIterable {
  /// Of the number rated HTTNV in the group, counted after demotions, so each demotion raises
  /// the number allowed (Nghị định 335/2025/NĐ-CP: "xuất sắc" ≤ 20% of "tốt").
  case goodCount
  /// Of the number rated in the group.
  case ratedCount
}

extension QuotaBasis {
  /// Reads the name, e.g. `"goodCount"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a quota basis")
  }
}
