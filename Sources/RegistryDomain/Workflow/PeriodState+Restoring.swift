extension PeriodState {
  /// A period's state as a store kept it: its status and every transition, taken as they are.
  public init(restoring key: PeriodKey, status: PeriodStatus, transitions: [PeriodTransition]) {
    self.init(key: key)
    self.status = status
    self.transitions = transitions
  }
}
