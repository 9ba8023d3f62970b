import ReformWire

/// Level counts per unit and subject kind, this year's and last year's, summed over any
/// subtree a summary asks for.
struct UnitSummaries: Sendable {
  private let current: [String: [Int32: LevelTally]]
  private let previous: [String: [Int32: LevelTally]]

  init(current: [LevelCount], previous: [LevelCount]) {
    self.current = Self.byUnit(current)
    self.previous = Self.byUnit(previous)
  }

  /// One summary per subject kind rated this year or last in `units` (every unit when
  /// `nil`), by kind, reported under `unitCode`.
  func wire(unitCode: String, unitName: String, units: Set<String>?, year: Int) -> [RatingUnitSummary] {
    let now = Self.sum(current, over: units)
    let before = Self.sum(previous, over: units)
    return Set(now.keys).union(before.keys).sorted().map { kind in
      let tally = now[kind] ?? LevelTally()
      let earlier = before[kind] ?? LevelTally()
      return RatingUnitSummary(
        unitCode: unitCode, unitName: unitName, year: Int32(clamping: year), subjectKind: RatingSubjectKind(rawValue: kind),
        includesSubtree: true, ratedCount: Int64(tally.rated), previousRatedCount: Int64(earlier.rated),
        levels: tally.wire(previous: earlier), quotaDemotions: Int64(tally.demoted))
    }
  }

  /// The units at the top of the bloc: the tree's roots, and rated units the tree does not
  /// know.
  func topUnits(in units: ClassificationUnits) -> [String] {
    let known = Set(units.tree.parents.keys).union(units.tree.parents.values)
    let unknown = Set(current.keys).union(previous.keys).subtracting(known)
    return (units.roots + unknown.sorted())
  }

  private static func byUnit(_ counts: [LevelCount]) -> [String: [Int32: LevelTally]] {
    var units: [String: [Int32: LevelTally]] = [:]
    for count in counts {
      units[count.unitCode, default: [:]][count.subjectKind, default: LevelTally()]
        .add(rank: count.level, count: count.count, demoted: count.demoted)
    }
    return units
  }

  private static func sum(_ tallies: [String: [Int32: LevelTally]], over units: Set<String>?) -> [Int32: LevelTally] {
    var total: [Int32: LevelTally] = [:]
    for (unit, kinds) in tallies where units?.contains(unit) ?? true {
      for (kind, tally) in kinds { total[kind, default: LevelTally()].add(tally) }
    }
    return total
  }
}
