extension ReportingBook {
  /// The book as a store kept it: every value and every period that left DRAFT, taken as
  /// they are, since each was checked when it was written.
  public init(restoring values: some Sequence<IndicatorValue>, states: some Sequence<PeriodState>) {
    self.init()
    for value in values { valuesByKey[value.key] = value }
    for state in states { statesByKey[state.key] = state }
  }
}
