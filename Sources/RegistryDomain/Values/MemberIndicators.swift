/// The indicators computed from the people the registry holds, per unit the people are
/// counted under. A person counts in a period when present on its last day.
///
/// - ``studyComputation`` (indicator 1): people who studied the document named by the
///   parameter ``documentParameter`` on or before the period's last day, over the people
///   present.
/// - ``theoryLevelComputation`` (indicator 4b): leaders and managers whose political-theory
///   level meets their title's requirement (cử nhân ranking with cao cấp), over the leaders and
///   managers present. A level or requirement not recorded does not meet the standard.
public enum MemberIndicators {
  /// The computation of indicator 1.
  public static let studyComputation = "members.study"
  /// The computation of indicator 4b.
  public static let theoryLevelComputation = "members.theory_level"
  /// The parameter of ``studyComputation`` naming the document, e.g. "01-NQ/ĐUK".
  public static let documentParameter = "document"

  /// Per unit code: people who studied `document` by the period's end, over people present.
  public static func studyShares(of people: [Person], document: String, period: Period) -> [String: Ratio] {
    let lastDay = period.lastDay
    var shares: [String: Ratio] = [:]
    for person in people where person.isPresent(on: lastDay) {
      let studied = person.hasStudied(document, by: lastDay) ? 1 : 0
      shares[person.unitCode, default: .zero] = shares[person.unitCode, default: .zero] + Ratio(studied, 1)
    }
    return shares
  }

  /// Per unit code: leaders and managers meeting their title's theory standard, over leaders
  /// and managers present.
  public static func theoryStandardShares(of people: [Person], period: Period) -> [String: Ratio] {
    let lastDay = period.lastDay
    var shares: [String: Ratio] = [:]
    for person in people where person.leaderOrManager && person.isPresent(on: lastDay) {
      let meets = person.meetsTheoryRequirement ? 1 : 0
      shares[person.unitCode, default: .zero] = shares[person.unitCode, default: .zero] + Ratio(meets, 1)
    }
    return shares
  }
}
