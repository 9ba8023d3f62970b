/// The count and share of one level in a group, with last year's for comparison.
public struct RatingLevelCount: Sendable, Hashable {
  /// The level.
  public var level: RatingLevel
  /// Subjects rated at it.
  public var count: Int
  /// count ÷ rated, basis points, rounded half up.
  public var shareBasisPoints: Int
  /// Last year's count for the same scope; 0 when none.
  public var previousCount: Int
  /// Last year's share.
  public var previousShareBasisPoints: Int

  /// count − previous count.
  public var countChange: Int { count - previousCount }
  /// share − previous share, basis points.
  public var shareChangeBasisPoints: Int { shareBasisPoints - previousShareBasisPoints }

  /// `count` of `rated`, against `previousCount` of `previousRated`.
  init(level: RatingLevel, count: Int, rated: Int, previousCount: Int, previousRated: Int) {
    self.level = level
    self.count = count
    self.shareBasisPoints = Self.share(count, of: rated)
    self.previousCount = previousCount
    self.previousShareBasisPoints = Self.share(previousCount, of: previousRated)
  }

  /// `count ÷ total` in basis points, rounded half up; 0 of nothing is 0.
  static func share(_ count: Int, of total: Int) -> Int {
    total == 0 ? 0 : (count * 20_000 + total) / (2 * total)
  }
}
