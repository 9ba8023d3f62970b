/// Political-theory training level (trình độ lý luận chính trị), as `PoliticalTheoryLevel`
/// in `person.proto`.
///
/// Levels rank in declaration order except that ``bachelor`` ranks with ``advanced``: title
/// standards read "cao cấp lý luận chính trị hoặc cử nhân chính trị", so a cử nhân meets a
/// cao cấp requirement. An unrecorded level is `nil` wherever a level is optional.
public enum PoliticalTheoryLevel: String, Sendable, Hashable, Codable, CaseIterable {
  /// Chưa qua đào tạo: no training; as a requirement, the title requires none.
  case untrained = "UNTRAINED"
  /// Sơ cấp.
  case elementary = "ELEMENTARY"
  /// Trung cấp.
  case intermediate = "INTERMEDIATE"
  /// Cao cấp.
  case advanced = "ADVANCED"
  /// Cử nhân chính trị: ranks with ``advanced``.
  case bachelor = "BACHELOR"

  /// The level's rank: 0 untrained, 1 sơ cấp, 2 trung cấp, 3 cao cấp and cử nhân.
  public var rank: Int {
    switch self {
    case .untrained: return 0
    case .elementary: return 1
    case .intermediate: return 2
    case .advanced, .bachelor: return 3
    }
  }

  /// Whether this level satisfies a title that requires `required`.
  public func meets(_ required: PoliticalTheoryLevel) -> Bool { rank >= required.rank }

  /// The Vietnamese name, e.g. "Trung cấp".
  public var vietnameseName: String {
    switch self {
    case .untrained: return "Chưa qua đào tạo"
    case .elementary: return "Sơ cấp"
    case .intermediate: return "Trung cấp"
    case .advanced: return "Cao cấp"
    case .bachelor: return "Cử nhân"
    }
  }
}
