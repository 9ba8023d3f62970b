/// The rating of one subject for one year (kết quả xếp loại): the level, the score, every rule
/// of the set as it came out, and any demotion by quota.
public struct Rating: Sendable, Hashable {
  /// What was rated.
  public var subjectKind: RatingSubjectKind
  /// Person id or unit code.
  public var subjectId: String
  /// Name as rated.
  public var subjectName: String?
  /// The unit the subject is rated in (its own code for a collective).
  public var unitCode: String
  /// The unit whose quota the subject counts in.
  public var quotaUnitCode: String
  /// The group of similar duties, if any.
  public var dutyGroup: String?
  /// The year rated.
  public var year: Int
  /// The final level.
  public var level: RatingLevel
  /// The level before the quota was applied.
  public var levelBeforeQuota: RatingLevel
  /// Total score in hundredths; `nil` when the set rates without points.
  public var scoreHundredths: Int?
  /// Every rule of the set, in evaluation order, including those not applicable.
  public var checks: [RuleCheck]
  /// Present when the quota demoted the subject.
  public var quotaDemotion: QuotaDemotion?
  /// The rule set applied.
  public var ruleSetId: String
  /// Its version.
  public var ruleSetVersion: Int

  /// A rating as the engine made it, or as a store reads one back.
  public init(
    subjectKind: RatingSubjectKind, subjectId: String, subjectName: String?, unitCode: String,
    quotaUnitCode: String, dutyGroup: String?, year: Int, level: RatingLevel, levelBeforeQuota: RatingLevel,
    scoreHundredths: Int?, checks: [RuleCheck], quotaDemotion: QuotaDemotion?, ruleSetId: String,
    ruleSetVersion: Int
  ) {
    self.subjectKind = subjectKind
    self.subjectId = subjectId
    self.subjectName = subjectName
    self.unitCode = unitCode
    self.quotaUnitCode = quotaUnitCode
    self.dutyGroup = dutyGroup
    self.year = year
    self.level = level
    self.levelBeforeQuota = levelBeforeQuota
    self.scoreHundredths = scoreHundredths
    self.checks = checks
    self.quotaDemotion = quotaDemotion
    self.ruleSetId = ruleSetId
    self.ruleSetVersion = ruleSetVersion
  }

  /// Whether the subject was rated on points.
  public var scored: Bool { scoreHundredths != nil }

  /// Whether the quota demoted the subject.
  public var isQuotaDemoted: Bool { quotaDemotion != nil }

  /// The ids of the rules that failed, in evaluation order.
  public var failedRuleIds: [String] { checks.filter { $0.outcome == .failed }.map(\.ruleId) }
}
