/// Level counts per unit and subject kind, this year's and last year's, summed over any
/// subtree a summary asks for: the bloc's summary from counts, without reading every rating.
///
/// ## Topics
/// - ``init(current:previous:)``
/// - ``summaries(of:over:year:)``, ``topUnits(in:)``
public struct UnitTallies: Sendable {
  private let current: [String: [RatingSubjectKind: LevelTally]]
  private let previous: [String: [RatingSubjectKind: LevelTally]]

  /// The counts of the year summarised and of the year before.
  public init(current: [UnitLevelCount], previous: [UnitLevelCount]) {
    self.current = Self.byUnit(current)
    self.previous = Self.byUnit(previous)
  }

  /// One summary per subject kind rated this year or last in `units` (every unit when `nil`),
  /// by kind, reported under `unitCode` as covering its subtree.
  public func summaries(of unitCode: String, over units: Set<String>?, year: Int) -> [RatingUnitSummary] {
    let now = Self.sum(current, over: units)
    let before = Self.sum(previous, over: units)
    return Set(now.keys).union(before.keys).sorted { $0.order < $1.order }.map { kind in
      RatingUnitSummary(
        unitCode: unitCode, year: year, subjectKind: kind, includesSubtree: true, tally: now[kind] ?? LevelTally(),
        previous: before[kind] ?? LevelTally())
    }
  }

  /// The units at the top of the bloc: the tree's roots, then rated units the tree does not
  /// know, each sorted.
  public func topUnits(in tree: UnitTree) -> [String] {
    let known = Set(tree.parents.keys).union(tree.parents.values)
    let roots = Set(tree.parents.values).subtracting(tree.parents.keys).sorted()
    let unknown = Set(current.keys).union(previous.keys).subtracting(known)
    return roots + unknown.sorted()
  }

  private static func byUnit(_ counts: [UnitLevelCount]) -> [String: [RatingSubjectKind: LevelTally]] {
    var units: [String: [RatingSubjectKind: LevelTally]] = [:]
    for count in counts {
      units[count.unitCode, default: [:]][count.subjectKind, default: LevelTally()]
        .add(count.level, count: count.count, demoted: count.demoted)
    }
    return units
  }

  private static func sum(
    _ tallies: [String: [RatingSubjectKind: LevelTally]], over units: Set<String>?
  ) -> [RatingSubjectKind: LevelTally] {
    var total: [RatingSubjectKind: LevelTally] = [:]
    for (unit, kinds) in tallies where units?.contains(unit) ?? true {
      for (kind, tally) in kinds { total[kind, default: LevelTally()].add(tally) }
    }
    return total
  }
}
