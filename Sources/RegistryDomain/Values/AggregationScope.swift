/// A subtree in one period, laid out once for aggregating many indicators over it: its units
/// in tree order (the root first, each unit before its children), each unit's parent as a
/// position in that order, its depth below the root, and what every indicator's pass asks of a
/// unit whatever the indicator — open on the period's last day, its period approved.
///
/// A report over a thousand units and ten indicators sums over these arrays rather than
/// looking each unit up by code for every indicator. Made by
/// ``IndicatorAggregator/scope(rootCode:period:)``; read by
/// ``IndicatorAggregator/results(of:in:)``.
struct AggregationScope: Sendable {
  /// The period aggregated.
  let period: Period
  /// The subtree's units, in tree order; empty when the root does not exist.
  let units: [OrgUnit]
  /// Each unit's parent's position in ``units``; -1 for the root.
  let parents: [Int]
  /// Each unit's levels below the root (the root is 0).
  let depths: [Int]
  /// Whether each unit is open on the period's last day.
  let isOpenAtEnd: [Bool]
  /// Whether each unit's period is approved.
  let isApproved: [Bool]

  init(tree: UnitTree, rootCode: String, period: Period, isApproved approved: (OrgUnit) -> Bool) {
    self.period = period
    units = tree.subtree(of: rootCode)
    let lastDay = period.lastDay
    var positions: [String: Int] = [:]
    positions.reserveCapacity(units.count)
    var parents: [Int] = []
    var depths: [Int] = []
    parents.reserveCapacity(units.count)
    depths.reserveCapacity(units.count)
    for (position, unit) in units.enumerated() {
      let parent = position == 0 ? -1 : unit.parentCode.flatMap { positions[$0] } ?? -1
      parents.append(parent)
      depths.append(parent < 0 ? 0 : depths[parent] + 1)
      positions[unit.code] = position
    }
    self.parents = parents
    self.depths = depths
    isOpenAtEnd = units.map { $0.isOpen(on: lastDay) }
    isApproved = units.map(approved)
  }
}
