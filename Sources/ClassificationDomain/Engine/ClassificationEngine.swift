/// The year-end rating engine (xếp loại chất lượng): applies one ``RuleSet`` and the quota
/// exceptions granted for the year to a ``ClassificationInput``.
///
/// A run goes in the order the regulations read:
/// 1. each collective: score → level by thresholds (or the assessed level without points) →
///    its conditions, each capping the level when it fails; then the quota, if it limits
///    collectives;
/// 2. each person the same way, with the leader rules reading the collectives just rated;
/// 3. the quota on people, per duty group then per unit, demoting in a total order.
///
/// The engine is pure: the same input gives the same result whatever its order, and nothing
/// is read from a clock, a disk or the network.
public struct ClassificationEngine: Sendable {
  /// The rules applied.
  public let ruleSet: RuleSet
  /// Quota exceptions granted by an authority; those of other years and revoked ones are
  /// ignored.
  public let exceptions: [QuotaException]
  /// The set's rules, prepared once.
  let appliedRules: [AppliedRule]

  /// An engine applying `ruleSet`, which is checked first.
  ///
  /// - Throws: ``RuleSetError`` when the set does not hold together.
  public init(ruleSet: RuleSet, exceptions: [QuotaException] = []) throws(RuleSetError) {
    try ruleSet.validate()
    self.ruleSet = ruleSet
    self.exceptions = exceptions
    appliedRules = ruleSet.rules.map { AppliedRule($0, setKinds: ruleSet.appliesTo) }
  }

  /// Rates everyone in `input`.
  ///
  /// - Throws: ``ClassificationInputError`` for the first field that cannot be rated; use
  ///   ``ClassificationInput/validationErrors(against:exceptions:)`` to list them all.
  public func run(_ input: ClassificationInput) throws(ClassificationInputError) -> ClassificationRunResult {
    if let error = input.validationErrors(against: ruleSet, exceptions: exceptions).first { throw error }
    let year = input.year
    var issues: [ClassificationRunIssue] = []
    var quotaGroups: [QuotaGroupOutcome] = []

    // Subjects are put in result order before rating, so that the ratings never move: a
    // rating is large, and moving 100,000 of them costs more than rating them.
    let collectiveCount = input.collectives.count
    var subjects: [RatingSubject] = []
    subjects.reserveCapacity(collectiveCount + input.persons.count)
    for index in Self.order(input.collectives.map { ($0.unitCode, $0.unitCode) }) {
      subjects.append(RatingSubject(input.collectives[index]))
    }
    for index in Self.order(input.persons.map { ($0.unitCode, $0.personId) }) {
      subjects.append(RatingSubject(input.persons[index]))
    }
    var ratings: [Rating] = []
    ratings.reserveCapacity(subjects.count)
    for subject in subjects[..<collectiveCount] {
      var unused = Set<String>()
      ratings.append(rate(subject, year: year, led: [:], missingLed: &unused))
    }
    applyQuota(to: &ratings, in: 0..<collectiveCount, subjects: subjects, year: year, outcomes: &quotaGroups)

    var led: [String: LedCollective] = [:]
    led.reserveCapacity(collectiveCount)
    for index in 0..<collectiveCount {
      led[subjects[index].id] = LedCollective(level: ratings[index].level, tasks: subjects[index].tasks)
    }

    for subject in subjects[collectiveCount...] {
      var missing = Set<String>()
      ratings.append(rate(subject, year: year, led: led, missingLed: &missing))
      for code in missing.sorted() {
        issues.append(
          ClassificationRunIssue(
            code: "led_collective_not_rated", subjectKind: subject.kind, subjectId: subject.id,
            message:
              "\(subject.id) leads \(code) (positions[].ledUnitCode), which this run did not rate; the leader rules skipped it"
          ))
      }
    }
    applyQuota(
      to: &ratings, in: collectiveCount..<subjects.count, subjects: subjects, year: year, outcomes: &quotaGroups)

    issues.sort { ($0.subjectKind.order, $0.subjectId, $0.code) < ($1.subjectKind.order, $1.subjectId, $1.code) }
    return ClassificationRunResult(
      year: year, ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, ratings: ratings,
      quotaGroups: quotaGroups, issues: issues)
  }

  /// The indices of `keys` (unit code, subject id) by unit code, then subject id: the order
  /// of the results.
  private static func order(_ keys: [(unitCode: String, subjectId: String)]) -> [Int] {
    keys.indices.sorted { left, right in
      keys[left].unitCode != keys[right].unitCode
        ? keys[left].unitCode < keys[right].unitCode : keys[left].subjectId < keys[right].subjectId
    }
  }
}
