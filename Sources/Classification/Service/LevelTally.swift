import ClassificationDomain
import ReformWire

/// Counts per level (ranks 1–4), as a run or a summary reports them: each level's count and
/// its share of those rated, in basis points rounded half up (the proto's rule).
struct LevelTally: Sendable {
  /// Indexed by rank − 1: HTXSNV, HTTNV, HTNV, KHTNV.
  var counts = [Int](repeating: 0, count: 4)
  var demoted = 0

  var rated: Int { counts.reduce(0, +) }

  /// Adds `count` subjects at the level of rank `rank`.
  mutating func add(rank: Int, count: Int, demoted: Int = 0) {
    guard (1...4).contains(rank) else { return }
    counts[rank - 1] += count
    self.demoted += demoted
  }

  mutating func add(_ other: LevelTally) {
    for index in counts.indices { counts[index] += other.counts[index] }
    demoted += other.demoted
  }

  /// One entry per level, best first, against `previous` (last year's, when known).
  func wire(previous: LevelTally? = nil) -> [ReformWire.RatingLevelCount] {
    ClassificationDomain.RatingLevel.allCases.map { level in
      let count = counts[level.rank - 1]
      let share = Self.share(count, of: rated)
      guard let previous else {
        return ReformWire.RatingLevelCount(level: level.wire, count: Int64(count), shareBasisPoints: Int32(share))
      }
      let earlier = previous.counts[level.rank - 1]
      let earlierShare = Self.share(earlier, of: previous.rated)
      return ReformWire.RatingLevelCount(
        level: level.wire, count: Int64(count), shareBasisPoints: Int32(share), previousCount: Int64(earlier),
        previousShareBasisPoints: Int32(earlierShare), countChange: Int64(count - earlier),
        shareChangeBasisPoints: Int32(share - earlierShare))
    }
  }

  /// `count ÷ total` in basis points, rounded half up; 0 of nothing is 0.
  static func share(_ count: Int, of total: Int) -> Int {
    total == 0 ? 0 : (count * 20_000 + total) / (2 * total)
  }
}
