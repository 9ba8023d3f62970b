/// What one run of ``ClassificationEngine`` produced: every rating, the quota arithmetic per
/// group, and the issues noticed.
public struct ClassificationRunResult: Sendable, Hashable {
  /// The year rated.
  public var year: Int
  /// The rule set applied.
  public var ruleSetId: String
  /// Its version.
  public var ruleSetVersion: Int
  /// Collectives first, then people; each by unit code, then subject id.
  public var ratings: [Rating]
  /// One entry per group the quota was applied to, by subject kind, unit, then duty group
  /// (the duty groups of a unit before the unit's own limit).
  public var quotaGroups: [QuotaGroupOutcome]
  /// By subject kind, subject id, then code.
  public var issues: [ClassificationRunIssue]

  /// Subjects the quota demoted.
  public var quotaDemotions: Int { ratings.reduce(0) { $0 + ($1.isQuotaDemoted ? 1 : 0) } }

  /// The rating of `subjectId` as `kind`, if it was rated.
  public func rating(of subjectId: String, as kind: RatingSubjectKind = .partyMember) -> Rating? {
    ratings.first { $0.subjectKind == kind && $0.subjectId == subjectId }
  }
}
