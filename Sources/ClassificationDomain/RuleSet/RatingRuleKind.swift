/// What a rule checks, and so which ``RuleParameters`` it reads.
///
/// Shares are basis points (10000 = 100%), scores hundredths of a point. A condition rule
/// that fails lowers the level to its `capLevel` when that is worse than the current level.
public enum RatingRuleKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// The subject reaches `level` when the total score is at least `minHundredths`; below every
  /// threshold it is KHTNV (366-QĐ/TW: HTXSNV ≥ 9000, HTTNV ≥ 7000, HTNV ≥ 5000).
  case scoreThreshold
  /// Without points, the starting level is the assessing body's proposal (124-QĐ/TW).
  case assessedLevel
  /// Tasks on time ÷ total ≥ `minShareBasisPoints`, else `capLevel`.
  case tasksOnTime
  /// Tasks exceeded ÷ total ≥ `minShareBasisPoints`, else `capLevel`.
  case tasksExceeded
  /// A discipline decided in the year at or above `minDisciplineLevel`, of the `systems`
  /// listed (all when absent), whose violation was not counted in an earlier year → `capLevel`.
  /// With `spareSelfDetected`, violations the subject's own unit found do not count.
  case discipline
  /// A decline finding concluded in the year and not counted earlier → `capLevel`.
  case decline
  /// A leader's level is capped by the level of the collective they lead, through the table
  /// `collectiveCaps`. Collectives are rated before people.
  case ledCollectiveLevel
  /// For `level`, the collective the leader leads must meet `minOnTimeBasisPoints` and
  /// `minExceededBasisPoints` of its tasks, else `capLevel`.
  case ledCollectiveTasks
  /// Collectives: disciplined subordinate units ÷ total > `maxShareBasisPoints` → `capLevel`.
  /// With `spareSelfDetected`, units disciplined on the collective's own finding do not count.
  case subordinateDiscipline
  /// Collectives: more than `maxCount` members of the leadership disciplined → `capLevel`.
  case leadershipDiscipline
  /// Collectives: targets met ÷ total < `minShareBasisPoints` → `capLevel`.
  case targetsMet

  /// Whether the kind sets the starting level rather than capping it.
  public var isStartingLevel: Bool { self == .scoreThreshold || self == .assessedLevel }
}

extension RatingRuleKind {
  /// Reads the name, e.g. `"tasksOnTime"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a rule kind")
  }
}
