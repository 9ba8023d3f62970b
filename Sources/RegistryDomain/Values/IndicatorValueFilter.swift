/// Which stored values a list or an export asks for, and the order they are listed in.
///
/// Every criterion left empty (or `nil`) lets every value through; the criteria given must all
/// hold. A value's status is its period's, so the filter reads the book it lists from.
public struct IndicatorValueFilter: Sendable {
  /// Only values of this set; `nil` for every set.
  public var setID: String?
  /// Only these indicators; empty for every indicator.
  public var indicatorCodes: Set<String> = []
  /// Only values of these units; `nil` for every unit.
  public var unitCodes: Set<String>?
  /// Only these periods; empty for every period.
  public var periods: Set<Period> = []
  /// Only values whose period is in one of these statuses; empty for every status.
  public var statuses: Set<PeriodStatus> = []
  /// Only values of these origins; empty for every origin.
  public var origins: Set<IndicatorValueOrigin> = []

  public init(
    setID: String? = nil, indicatorCodes: Set<String> = [], unitCodes: Set<String>? = nil, periods: Set<Period> = [],
    statuses: Set<PeriodStatus> = [], origins: Set<IndicatorValueOrigin> = []
  ) {
    self.setID = setID
    self.indicatorCodes = indicatorCodes
    self.unitCodes = unitCodes
    self.periods = periods
    self.statuses = statuses
    self.origins = origins
  }

  /// Whether `value`, held in `book`, meets every criterion.
  public func matches(_ value: IndicatorValue, in book: ReportingBook) -> Bool {
    let key = value.key
    return (setID.map { key.setID == $0 } ?? true) && (indicatorCodes.isEmpty || indicatorCodes.contains(key.indicatorCode))
      && (unitCodes?.contains(key.unitCode) ?? true) && (periods.isEmpty || periods.contains(key.period))
      && (statuses.isEmpty || statuses.contains(book.state(key.periodKey).status))
      && (origins.isEmpty || origins.contains(value.origin))
  }
}

extension ReportingBook {
  /// The values that meet `filter`, listed by set, then by each indicator's place in its set
  /// (`sets`, the versions whose order counts; an indicator none of them has comes after),
  /// indicator code, unit and period.
  public func values(matching filter: IndicatorValueFilter, orderedBy sets: [IndicatorSet]) -> [IndicatorValue] {
    var order: [String: [String: Int]] = [:]
    for set in sets {
      order[set.id] = Dictionary(set.orderedIndicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
    return valuesByKey.values.filter { filter.matches($0, in: self) }
      .sorted { lhs, rhs in
        let left = (lhs.key.setID, order[lhs.key.setID]?[lhs.key.indicatorCode] ?? Int.max, lhs.key.indicatorCode, lhs.key.unitCode)
        let right = (rhs.key.setID, order[rhs.key.setID]?[rhs.key.indicatorCode] ?? Int.max, rhs.key.indicatorCode, rhs.key.unitCode)
        return left != right ? left < right : lhs.key.period < rhs.key.period
      }
  }
}
