/// The units a reporting period of a set is expected from, as ListPeriodStates lists them: each
/// unit of a kind that reports one of the set's indicators of the period's type and is open on
/// the period's last day, and every unit whose period already has a state (a unit closed since
/// still shows what it did).
public struct PeriodReporters: Sendable {
  /// The set whose period it is.
  public let set: IndicatorSet
  /// The period.
  public let period: Period
  /// The unit kinds that report an indicator of the period's type.
  public let kinds: Set<UnitKind>

  public init(set: IndicatorSet, period: Period) {
    self.set = set
    self.period = period
    kinds = set.indicators.filter { $0.periodType == period.type }.reduce(into: Set<UnitKind>()) {
      $0.formUnion($1.effectiveReportingKinds)
    }
  }

  /// Whether the period is expected from `unit`, or `book` holds a state for it.
  public func includes(_ unit: OrgUnit, in book: ReportingBook) -> Bool {
    (kinds.contains(unit.kind) && unit.isOpen(on: period.lastDay))
      || book.statesByKey[PeriodKey(setID: set.id, unitCode: unit.code, period: period)] != nil
  }

  /// The units listed, in tree order: every expected unit of the bloc when `unitCode` is empty;
  /// else that unit, followed, with `includeSubtree`, by the expected units under it.
  public func units(in tree: UnitTree, book: ReportingBook, unitCode: String, includeSubtree: Bool) -> [OrgUnit] {
    if unitCode.isEmpty {
      return tree.treeOrder.filter { includes($0, in: book) }
    } else if includeSubtree {
      return tree.subtree(of: unitCode).enumerated().filter { $0.offset == 0 || includes($0.element, in: book) }.map(\.element)
    } else {
      return tree.unit(unitCode).map { [$0] } ?? []
    }
  }
}
