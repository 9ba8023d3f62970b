/// How many subjects were rated at each level, and how many of them the quota demoted: what a
/// run reports of its ratings, and what a summary adds up over the units of a subtree.
///
/// ## Topics
/// - ``add(_:count:demoted:)``, ``add(_:)-(Rating)``, ``add(_:)-(LevelTally)``
/// - ``rated``, ``demoted``, ``count(of:)``, ``levelCounts(previous:)``
public struct LevelTally: Sendable, Hashable {
  private var counts: [RatingLevel: Int] = [:]
  /// Subjects the quota demoted.
  public private(set) var demoted = 0

  /// No subject yet.
  public init() {}

  /// Subjects counted, at every level.
  public var rated: Int { counts.values.reduce(0, +) }

  /// Subjects counted at `level`.
  public func count(of level: RatingLevel) -> Int { counts[level] ?? 0 }

  /// Adds `count` subjects at `level`, `demoted` of them by the quota.
  public mutating func add(_ level: RatingLevel, count: Int = 1, demoted: Int = 0) {
    counts[level, default: 0] += count
    self.demoted += demoted
  }

  /// Adds one rating.
  public mutating func add(_ rating: Rating) {
    add(rating.level, demoted: rating.isQuotaDemoted ? 1 : 0)
  }

  /// Adds every subject of `other`.
  public mutating func add(_ other: LevelTally) {
    for (level, count) in other.counts { counts[level, default: 0] += count }
    demoted += other.demoted
  }

  /// One entry per level, best first: each level's count and share of those rated (basis
  /// points, rounded half up), against `previous` (last year's in the same scope; nothing when
  /// not given).
  public func levelCounts(previous: LevelTally = LevelTally()) -> [RatingLevelCount] {
    RatingLevel.allCases.map { level in
      RatingLevelCount(
        level: level, count: count(of: level), rated: rated, previousCount: previous.count(of: level),
        previousRated: previous.rated)
    }
  }
}
