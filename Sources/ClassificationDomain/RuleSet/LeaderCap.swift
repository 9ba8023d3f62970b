import ReformKit

/// One row of a leader–collective cap table: when the collective a leader leads is rated
/// ``collectiveLevel``, the leader is rated ``leaderAtBest`` or worse.
public struct LeaderCap: Sendable, Hashable, Codable {
  /// The collective's level.
  public var collectiveLevel: RatingLevel
  /// The best level its leaders may keep.
  public var leaderAtBest: RatingLevel

  /// The row "collective `collectiveLevel` → leader at best `leaderAtBest`".
  public init(collectiveLevel: RatingLevel, leaderAtBest: RatingLevel) {
    self.collectiveLevel = collectiveLevel
    self.leaderAtBest = leaderAtBest
  }

  private enum CodingKeys: String, CodingKey, CaseIterable { case collectiveLevel, leaderAtBest }

  /// Reads a row; unknown keys are refused.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    collectiveLevel = try container.decode(RatingLevel.self, forKey: .collectiveLevel)
    leaderAtBest = try container.decode(RatingLevel.self, forKey: .leaderAtBest)
  }
}
