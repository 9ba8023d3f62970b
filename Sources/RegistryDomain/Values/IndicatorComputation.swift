/// Computes the computed indicators of a set for a period: 1 and 4b from the people
/// (``MemberIndicators``), 3a through the exchange hook (``ExchangeCounts``).
///
/// Values are per unit: for member indicators, each unit people are counted under (within the
/// scope, open on the period's last day); for exchange indicators, each unit of a reporting
/// kind with an OrganId. What cannot be computed is listed as skipped, never guessed.
public struct IndicatorComputation: Sendable {
  /// The tree.
  public let tree: UnitTree
  /// The people.
  public let people: [Person]
  /// The exchange module's counts, when it is reachable.
  public let exchange: (any ExchangeCounts)?

  /// Makes a computation over `people` in `tree`.
  public init(tree: UnitTree, people: [Person], exchange: (any ExchangeCounts)? = nil) {
    self.tree = tree
    self.people = people
    self.exchange = exchange
  }

  /// The computed values of `set` for `period` within the subtree of `rootCode` (the whole
  /// bloc when `nil`), with origin ``IndicatorValueOrigin/computed``, and what was skipped.
  public func compute(
    _ set: IndicatorSet, period: Period, rootCode: String? = nil
  ) -> (values: [IndicatorValue], skipped: [IndicatorComputationSkip]) {
    guard let scopeRoot = rootCode ?? tree.rootCode else { return ([], []) }
    let scope = tree.subtree(of: scopeRoot).filter { $0.isOpen(on: period.lastDay) }
    var values: [IndicatorValue] = []
    var skipped: [IndicatorComputationSkip] = []
    for indicator in set.orderedIndicators where indicator.source != .reported {
      guard indicator.periodType == period.type else {
        skipped.append(
          IndicatorComputationSkip(indicatorCode: indicator.code, reason: "reported per \(indicator.periodType.rawValue), not for \(period)"))
        continue
      }
      let shares: [String: Ratio]
      switch indicator.computation {
      case MemberIndicators.studyComputation:
        let document = indicator.parameter(MemberIndicators.documentParameter) ?? set.resolution.document
        shares = MemberIndicators.studyShares(of: people, document: document, period: period)
      case MemberIndicators.theoryLevelComputation:
        shares = MemberIndicators.theoryStandardShares(of: people, period: period)
      case ExchangeComputation.networkShare:
        guard let exchange else {
          skipped.append(IndicatorComputationSkip(indicatorCode: indicator.code, reason: "the exchange module's counts are not available"))
          continue
        }
        var fromExchange: [String: Ratio] = [:]
        for unit in scope where indicator.effectiveReportingKinds.contains(unit.kind) {
          if unit.organId.isEmpty {
            skipped.append(IndicatorComputationSkip(indicatorCode: indicator.code, unitCode: unit.code, reason: "the unit's host has no OrganId"))
          } else if let share = exchange.networkShare(of: unit, in: period) {
            fromExchange[unit.code] = share
          } else {
            skipped.append(IndicatorComputationSkip(indicatorCode: indicator.code, unitCode: unit.code, reason: "the exchange has no counts for \(period)"))
          }
        }
        shares = fromExchange
      default:
        skipped.append(
          IndicatorComputationSkip(indicatorCode: indicator.code, reason: "computation \"\(indicator.computation)\" is not available to the registry"))
        continue
      }
      for unit in scope {
        guard let share = shares[unit.code] else { continue }
        values.append(
          IndicatorValue(
            key: IndicatorValueKey(setID: set.id, indicatorCode: indicator.code, unitCode: unit.code, period: period),
            ratio: share, origin: .computed))
      }
    }
    return (values, skipped)
  }
}
