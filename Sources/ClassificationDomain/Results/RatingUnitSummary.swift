/// Ratings counted for one unit (itself, or its whole subtree) and one subject kind, with the
/// change from last year (thống kê kết quả xếp loại).
///
/// ## Topics
/// - ``perUnit(year:ratings:previous:)``: each unit on its own.
/// - ``subtree(of:in:year:ratings:previous:)``: a unit and everything under it, e.g. the bloc.
public struct RatingUnitSummary: Sendable, Hashable {
  /// The unit.
  public var unitCode: String
  /// The year summarised.
  public var year: Int
  /// The subjects counted.
  public var subjectKind: RatingSubjectKind
  /// Whether the counts cover the unit's whole subtree.
  public var includesSubtree: Bool
  /// Subjects rated this year.
  public var ratedCount: Int
  /// Subjects rated last year in the same scope.
  public var previousRatedCount: Int
  /// One entry per level, best first.
  public var levels: [RatingLevelCount]
  /// Subjects the quota demoted this year.
  public var quotaDemotions: Int

  /// The entry for `level`.
  public func count(of level: RatingLevel) -> RatingLevelCount? { levels.first { $0.level == level } }

  /// One summary per unit and subject kind, counting the subjects rated in that unit
  /// (``Rating/unitCode``), by unit code then kind. A unit rated only last year still appears,
  /// with nothing this year.
  public static func perUnit(year: Int, ratings: [Rating], previous: [Rating] = []) -> [RatingUnitSummary] {
    var current: [ScopeKey: [Rating]] = [:]
    for rating in ratings { current[ScopeKey(rating.unitCode, rating.subjectKind), default: []].append(rating) }
    var earlier: [ScopeKey: [Rating]] = [:]
    for rating in previous { earlier[ScopeKey(rating.unitCode, rating.subjectKind), default: []].append(rating) }
    return Set(current.keys).union(earlier.keys).sorted().map { key in
      summary(
        unitCode: key.unitCode, kind: key.kind, year: year, subtree: false, current[key] ?? [], earlier[key] ?? [])
    }
  }

  /// One summary per subject kind over `root` and every unit under it in `tree`, by kind.
  public static func subtree(
    of root: String, in tree: UnitTree, year: Int, ratings: [Rating], previous: [Rating] = []
  ) -> [RatingUnitSummary] {
    let units = tree.subtree(of: root)
    let inside = ratings.filter { units.contains($0.unitCode) }
    let earlier = previous.filter { units.contains($0.unitCode) }
    let kinds = Set(inside.map(\.subjectKind)).union(earlier.map(\.subjectKind)).sorted { $0.order < $1.order }
    return kinds.map { kind in
      summary(
        unitCode: root, kind: kind, year: year, subtree: true,
        inside.filter { $0.subjectKind == kind }, earlier.filter { $0.subjectKind == kind })
    }
  }

  private static func summary(
    unitCode: String, kind: RatingSubjectKind, year: Int, subtree: Bool, _ current: [Rating], _ previous: [Rating]
  ) -> RatingUnitSummary {
    var tally = LevelTally()
    for rating in current { tally.add(rating) }
    var earlier = LevelTally()
    for rating in previous { earlier.add(rating) }
    return RatingUnitSummary(
      unitCode: unitCode, year: year, subjectKind: kind, includesSubtree: subtree, tally: tally, previous: earlier)
  }

  /// A unit and a subject kind, ordered by unit code then kind.
  private struct ScopeKey: Hashable, Comparable {
    var unitCode: String
    var kind: RatingSubjectKind
    init(_ unitCode: String, _ kind: RatingSubjectKind) {
      self.unitCode = unitCode
      self.kind = kind
    }
    static func < (left: ScopeKey, right: ScopeKey) -> Bool {
      (left.unitCode, left.kind.order) < (right.unitCode, right.kind.order)
    }
  }
}

extension RatingUnitSummary {
  /// The summary of `tally`, against `previous` (last year's in the same scope).
  init(
    unitCode: String, year: Int, subjectKind: RatingSubjectKind, includesSubtree: Bool, tally: LevelTally,
    previous: LevelTally
  ) {
    self.init(
      unitCode: unitCode, year: year, subjectKind: subjectKind, includesSubtree: includesSubtree,
      ratedCount: tally.rated, previousRatedCount: previous.rated, levels: tally.levelCounts(previous: previous),
      quotaDemotions: tally.demoted)
  }
}
