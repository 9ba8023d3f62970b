/// The workflow state of one unit's values of one set for one period, with every transition,
/// as `IndicatorPeriodState` in `indicator.proto`. A pure state machine: see
/// ``PeriodStatus`` for the steps and ``submit(stamp:tree:)``, ``approve(stamp:tree:)``,
/// ``reopen(stamp:tree:)`` for who may take them.
public struct PeriodState: Sendable, Hashable, Codable {
  /// Set, unit and period.
  public var key: PeriodKey
  /// Where the period stands.
  public internal(set) var status: PeriodStatus
  /// Every transition, oldest first.
  public internal(set) var transitions: [PeriodTransition]

  /// A period open for entry (``PeriodStatus/draft``).
  public init(key: PeriodKey) {
    self.key = key
    self.status = .draft
    self.transitions = []
  }
}
