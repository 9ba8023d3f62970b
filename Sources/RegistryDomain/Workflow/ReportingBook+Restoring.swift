extension ReportingBook {
  /// The book as a store kept it: every value and every period that left DRAFT, taken as
  /// they are, since each was checked when it was written.
  public init(restoring values: some Sequence<IndicatorValue>, states: some Sequence<PeriodState>) {
    self.init()
    restore(values: values, removing: [], states: states)
  }

  /// The book brought up to what a store wrote since: the values at `removed` gone first, then
  /// `values` and `states` taken as they are — so a value withdrawn and reported again since
  /// is there, as is one reported and then withdrawn only if the store still holds it.
  public mutating func restore(
    values: some Sequence<IndicatorValue>, removing removed: some Sequence<IndicatorValueKey>,
    states: some Sequence<PeriodState>
  ) {
    for key in removed { valuesByKey[key] = nil }
    for value in values { valuesByKey[value.key] = value }
    for state in states { statesByKey[state.key] = state }
  }
}
