/// The figures a rule compared for one subject, kept as numbers so that an explanation can be
/// written in either language when someone asks, rather than for every subject of every run.
public enum RuleFigures: Sendable, Hashable {
  /// Nothing to show (e.g. a disabled rule).
  case none
  /// The rule's subject kinds do not include this subject's.
  case otherSubjectKind
  /// A score threshold: the subject's total against the threshold, both in hundredths.
  case score(totalHundredths: Int, minHundredths: Int)
  /// The starting level proposed by the assessing body.
  case assessed(RatingLevel)
  /// A share compared with a bound: `count` of `total` against `boundBasisPoints`.
  case share(count: Int, total: Int, boundBasisPoints: Int)
  /// No tasks or targets were recorded, so there is no share to compare.
  case nothingToCount
  /// Discipline decisions: the ids that counted, and how many were set aside and why.
  case discipline(counted: [String], countedEarlier: Int, spared: Int, belowMinimum: Int, otherYearOrSystem: Int)
  /// Decline findings: how many counted, and how many were counted in an earlier year.
  case decline(counted: Int, countedEarlier: Int)
  /// The subject leads no unit.
  case notALeader
  /// None of the units the subject leads was rated in this run.
  case ledCollectiveNotRated(unitCodes: [String])
  /// The binding led collective: its level and the best level its leaders may keep.
  case ledCollectiveLevel(unitCode: String, collectiveLevel: RatingLevel, leaderAtBest: RatingLevel)
  /// The led collective whose tasks decided the rule, against the two bounds.
  case ledCollectiveTasks(unitCode: String, tasks: TaskCounts, minOnTimeBasisPoints: Int, minExceededBasisPoints: Int)
  /// Subordinate units disciplined (after any spared) of the total, against the bound.
  case subordinates(disciplined: Int, spared: Int, total: Int, maxBasisPoints: Int)
  /// Leadership members disciplined, against the greatest count allowed.
  case leadership(disciplined: Int, maxCount: Int)
}
