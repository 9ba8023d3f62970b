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
  private let valuesByIndicatorPeriod: [IndicatorPeriod: [String: IndicatorValue]]
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
    tree: UnitTree, set: IndicatorSet, values: [IndicatorValue], statuses: [PeriodKey: PeriodStatus] = [:],
    approvedOnly: Bool = false
  ) {
    self.tree = tree
    self.set = set
    self.statuses = statuses
    var index: [IndicatorPeriod: [String: IndicatorValue]] = [:]
    for value in values where value.key.setID == set.id {
      if approvedOnly && statuses[value.key.periodKey] != .approved { continue }
      index[IndicatorPeriod(code: value.key.indicatorCode, period: value.key.period), default: [:]][value.key.unitCode] = value
    }
    valuesByIndicatorPeriod = index
  }

  /// The unit's own value, if any.
  public func value(of indicator: IndicatorDefinition, unitCode: String, period: Period) -> IndicatorValue? {
    valuesByIndicatorPeriod[IndicatorPeriod(code: indicator.code, period: period)]?[unitCode]
  }

  /// The indicator aggregated over the subtree of every unit from `rootCode` down, by unit code,
  /// in one pass from the leaves up: the same figures as ``result(of:rootCode:period:)`` for
  /// each unit, since every figure is a sum over a subtree, without walking each subtree again.
  public func results(of indicator: IndicatorDefinition, rootCode: String, period: Period) -> [String: IndicatorResult] {
    results(of: indicator, subtree: tree.subtree(of: rootCode), period: period)
  }

  /// ``results(of:rootCode:period:)`` over `units`, a subtree in tree order (its root first),
  /// taken once by a caller that aggregates many indicators.
  func results(of indicator: IndicatorDefinition, subtree units: [OrgUnit], period: Period) -> [String: IndicatorResult] {
    let rootCode = units.first?.code ?? ""
    let values = valuesByIndicatorPeriod[IndicatorPeriod(code: indicator.code, period: period)] ?? [:]
    let kinds = indicator.effectiveReportingKinds
    let lastDay = period.lastDay
    struct Tally {
      var sum = Ratio.zero
      var expected = 0
      var reported = 0
      var approved = 0
      var meeting = 0
    }
    var tallies: [String: Tally] = [:]
    tallies.reserveCapacity(units.count)
    // Tree order puts each unit before its children, so the reverse visits children first.
    for unit in units.reversed() {
      var tally = tallies[unit.code] ?? Tally()
      let own = values[unit.code]
      if let own { tally.sum = tally.sum + own.ratio }
      if kinds.contains(unit.kind), unit.isOpen(on: lastDay) {
        tally.expected += 1
        if let own {
          tally.reported += 1
          if statuses[own.key.periodKey] == .approved { tally.approved += 1 }
          if indicator.target.outcome(for: own.ratio) == .met { tally.meeting += 1 }
        }
      }
      tallies[unit.code] = tally
      if unit.code != rootCode, let parent = unit.parentCode {
        var above = tallies[parent] ?? Tally()
        above.sum = above.sum + tally.sum
        above.expected += tally.expected
        above.reported += tally.reported
        above.approved += tally.approved
        above.meeting += tally.meeting
        tallies[parent] = above
      }
    }
    var results: [String: IndicatorResult] = [:]
    results.reserveCapacity(tallies.count)
    for (code, tally) in tallies {
      let ratio = indicator.aggregation == .sumRatio ? tally.sum : Ratio(tally.meeting, tally.expected)
      results[code] = IndicatorResult(
        setID: set.id, indicatorCode: indicator.code, unitCode: code, period: period, ratio: ratio,
        valueBasisPoints: ratio.basisPoints, attainmentBasisPoints: indicator.target.attainmentBasisPoints(for: ratio),
        outcome: indicator.target.outcome(for: ratio), unitsReported: tally.reported, unitsExpected: tally.expected,
        unitsApproved: tally.approved)
    }
    return results
  }

  /// The indicator aggregated over the subtree of `rootCode` for `period`.
  public func result(of indicator: IndicatorDefinition, rootCode: String, period: Period) -> IndicatorResult {
    let values = valuesByIndicatorPeriod[IndicatorPeriod(code: indicator.code, period: period)] ?? [:]
    let kinds = indicator.effectiveReportingKinds
    let lastDay = period.lastDay
    var sum = Ratio.zero
    var expected = 0
    var reported = 0
    var approved = 0
    var meeting = 0
    for unit in tree.subtree(of: rootCode) {
      let own = values[unit.code]
      if let own { sum = sum + own.ratio }
      guard kinds.contains(unit.kind), unit.isOpen(on: lastDay) else { continue }
      expected += 1
      guard let own else { continue }
      reported += 1
      if statuses[own.key.periodKey] == .approved { approved += 1 }
      if indicator.target.outcome(for: own.ratio) == .met { meeting += 1 }
    }
    let ratio = indicator.aggregation == .sumRatio ? sum : Ratio(meeting, expected)
    return IndicatorResult(
      setID: set.id, indicatorCode: indicator.code, unitCode: rootCode, period: period, ratio: ratio,
      valueBasisPoints: ratio.basisPoints, attainmentBasisPoints: indicator.target.attainmentBasisPoints(for: ratio),
      outcome: indicator.target.outcome(for: ratio), unitsReported: reported, unitsExpected: expected,
      unitsApproved: approved)
  }
}
