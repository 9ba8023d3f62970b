/// Aggregates values up the unit tree and weighs them against their targets.
///
/// For ``IndicatorAggregation/sumRatio`` the subtree's numerators are summed, and its
/// denominators, and the sum is compared with the target: units with 3/4, 1/2 and 0/0 make
/// 4/6 (66,67%), not the mean of their percentages. For
/// ``IndicatorAggregation/unitsMeeting`` the result counts the expected units whose own value
/// meets the target, out of the units expected. Coverage counts the expected units that have a
/// value, out of the expected units: open on the period's last day and of a reporting kind.
public struct IndicatorAggregator: Sendable {
  /// The tree aggregated over.
  public let tree: UnitTree
  /// The set whose indicators are aggregated.
  public let set: IndicatorSet
  /// Whether only values of approved periods are counted (the official figures).
  public let approvedOnly: Bool
  /// Each unit's own ratio, per indicator and period: all the sums need of a value.
  private let ratiosByIndicatorPeriod: [IndicatorPeriod: [String: Ratio]]
  private let statuses: [PeriodKey: PeriodStatus]

  private struct IndicatorPeriod: Hashable {
    let code: String
    let period: Period
  }

  /// An aggregator over `values` of `set` (values of other sets are ignored).
  ///
  /// - Parameters:
  ///   - statuses: each unit's period status, to count approved units.
  ///   - approvedOnly: count only values whose period is approved (the official figures).
  public init(
    tree: UnitTree, set: IndicatorSet, values: some Sequence<IndicatorValue>, statuses: [PeriodKey: PeriodStatus] = [:],
    approvedOnly: Bool = false
  ) {
    self.tree = tree
    self.set = set
    self.statuses = statuses
    self.approvedOnly = approvedOnly
    var index: [IndicatorPeriod: [String: Ratio]] = [:]
    for value in values where value.key.setID == set.id {
      if approvedOnly && statuses[value.key.periodKey] != .approved { continue }
      index[IndicatorPeriod(code: value.key.indicatorCode, period: value.key.period), default: [:]][value.key.unitCode] = value.ratio
    }
    ratiosByIndicatorPeriod = index
  }

  /// The indicator aggregated over the subtree of every unit from `rootCode` down, by unit code,
  /// in one pass from the leaves up: the same figures as ``result(of:rootCode:period:)`` for
  /// each unit, since every figure is a sum over a subtree, without walking each subtree again.
  public func results(of indicator: IndicatorDefinition, rootCode: String, period: Period) -> [String: IndicatorResult] {
    let scope = scope(rootCode: rootCode, period: period)
    return Dictionary(zip(scope.units.map(\.code), results(of: indicator, in: scope)), uniquingKeysWith: { first, _ in first })
  }

  /// The subtree of `rootCode` in `period` laid out for ``results(of:in:)``, once for every
  /// indicator aggregated over it.
  func scope(rootCode: String, period: Period) -> AggregationScope {
    AggregationScope(tree: tree, rootCode: rootCode, period: period) { unit in
      !statuses.isEmpty && statuses[PeriodKey(setID: set.id, unitCode: unit.code, period: period)] == .approved
    }
  }

  /// ``results(of:rootCode:period:)`` over a scope, by position in ``AggregationScope/units``:
  /// children come after their parent in tree order, so visiting the units backwards sums each
  /// unit's children into it before it is summed into its own parent.
  func results(of indicator: IndicatorDefinition, in scope: AggregationScope) -> [IndicatorResult] {
    let ratios = ratiosByIndicatorPeriod[IndicatorPeriod(code: indicator.code, period: scope.period)] ?? [:]
    let kinds = indicator.effectiveReportingKinds
    struct Tally {
      var sum = Ratio.zero
      var expected = 0
      var reported = 0
      var approved = 0
      var meeting = 0
    }
    let units = scope.units
    var tallies = [Tally](repeating: Tally(), count: units.count)
    for position in units.indices.reversed() {
      var tally = tallies[position]
      let own = ratios.isEmpty ? nil : ratios[units[position].code]
      if let own { tally.sum = tally.sum + own }
      if scope.isOpenAtEnd[position], kinds.contains(units[position].kind) {
        tally.expected += 1
        if let own {
          tally.reported += 1
          if scope.isApproved[position] { tally.approved += 1 }
          if indicator.target.outcome(for: own) == .met { tally.meeting += 1 }
        }
      }
      tallies[position] = tally
      let parent = scope.parents[position]
      if parent >= 0 {
        tallies[parent].sum = tallies[parent].sum + tally.sum
        tallies[parent].expected += tally.expected
        tallies[parent].reported += tally.reported
        tallies[parent].approved += tally.approved
        tallies[parent].meeting += tally.meeting
      }
    }
    return units.indices.map { position in
      let tally = tallies[position]
      let ratio = indicator.aggregation == .sumRatio ? tally.sum : Ratio(tally.meeting, tally.expected)
      return IndicatorResult(
        setID: set.id, indicatorCode: indicator.code, unitCode: units[position].code, period: scope.period, ratio: ratio,
        valueBasisPoints: ratio.basisPoints, attainmentBasisPoints: indicator.target.attainmentBasisPoints(for: ratio),
        outcome: indicator.target.outcome(for: ratio), unitsReported: tally.reported, unitsExpected: tally.expected,
        unitsApproved: tally.approved)
    }
  }

  /// The indicator aggregated over the subtree of `rootCode` for `period`.
  public func result(of indicator: IndicatorDefinition, rootCode: String, period: Period) -> IndicatorResult {
    let ratios = ratiosByIndicatorPeriod[IndicatorPeriod(code: indicator.code, period: period)] ?? [:]
    let kinds = indicator.effectiveReportingKinds
    let lastDay = period.lastDay
    var sum = Ratio.zero
    var expected = 0
    var reported = 0
    var approved = 0
    var meeting = 0
    for unit in tree.subtree(of: rootCode) {
      let own = ratios[unit.code]
      if let own { sum = sum + own }
      guard kinds.contains(unit.kind), unit.isOpen(on: lastDay) else { continue }
      expected += 1
      guard let own else { continue }
      reported += 1
      if statuses[PeriodKey(setID: set.id, unitCode: unit.code, period: period)] == .approved { approved += 1 }
      if indicator.target.outcome(for: own) == .met { meeting += 1 }
    }
    let ratio = indicator.aggregation == .sumRatio ? sum : Ratio(meeting, expected)
    return IndicatorResult(
      setID: set.id, indicatorCode: indicator.code, unitCode: rootCode, period: period, ratio: ratio,
      valueBasisPoints: ratio.basisPoints, attainmentBasisPoints: indicator.target.attainmentBasisPoints(for: ratio),
      outcome: indicator.target.outcome(for: ratio), unitsReported: reported, unitsExpected: expected,
      unitsApproved: approved)
  }
}
