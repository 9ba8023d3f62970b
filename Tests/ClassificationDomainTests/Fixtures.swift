import ClassificationDomain
import ReformKit
import Testing

/// Builders for hand-worked cases: a Party member or civil servant with a total score split
/// 30/70, tasks that meet every condition unless told otherwise, and engines over the shipped
/// rule sets with one rule changed.
enum Fixture {
  static let year = 2025

  /// Ten tasks, all on time, half exceeded: every task condition holds.
  static let goodTasks = TaskCounts(total: 10, onTime: 10, exceeded: 5)

  /// A total of `total` hundredths split as a 30/70 scale would.
  static func scores(_ total: Int) -> RatingScores {
    let task = min(7_000, total - total * 3 / 10)
    return RatingScores(commonCriteriaHundredths: total - task, taskResultsHundredths: task)
  }

  static func member(
    _ id: String, unit: String = "CB01", total: Int = 8_000, tasks: TaskCounts? = goodTasks,
    kind: RatingSubjectKind = .partyMember, year: Int = year, dutyGroup: String? = nil,
    discipline: [DisciplineRecord] = [], declines: [DeclineFinding] = [], leads: String? = nil,
    assessed: RatingLevel? = nil, taskResults: Int? = nil
  ) -> PersonEvaluation {
    var scores = scores(total)
    if let taskResults {
      scores = RatingScores(commonCriteriaHundredths: total - taskResults, taskResultsHundredths: taskResults)
    }
    let positions =
      leads.map { [RatingPosition(title: "Bí thư Chi bộ", unitCode: $0, head: true, ledUnitCode: $0)] } ?? []
    return PersonEvaluation(
      personId: id, year: year, subjectKind: kind, unitCode: unit, dutyGroup: dutyGroup, scores: scores,
      tasks: tasks, discipline: discipline, declines: declines, positions: positions, assessedLevel: assessed)
  }

  static func collective(
    _ unit: String, total: Int = 9_500, tasks: TaskCounts? = goodTasks, targets: (met: Int, of: Int) = (10, 10),
    subordinates: Int = 0, disciplinedSubordinates: [DisciplinedSubordinate] = [],
    leaders: [String] = [], disciplinedLeaders: [String] = [], assessed: RatingLevel? = nil
  ) -> CollectiveEvaluation {
    CollectiveEvaluation(
      unitCode: unit, year: year, scores: scores(total), tasks: tasks, targetsTotal: targets.of,
      targetsMet: targets.met, subordinateUnitsTotal: subordinates, disciplinedSubordinates: disciplinedSubordinates,
      leaderPersonIds: leaders, disciplinedLeaderPersonIds: disciplinedLeaders, assessedLevel: assessed)
  }

  static func discipline(
    _ id: String, _ level: DisciplineLevel = .reprimand, year: Int = year, system: DisciplineSystem = .party,
    violation: String = "", countedEarlier: Bool = false, selfDetected: Bool = false
  ) -> DisciplineRecord {
    DisciplineRecord(
      id: id, system: system, level: level, decided: CivilDate(year, 6, 15), violationId: violation,
      countedInEarlierYear: countedEarlier, countedYear: countedEarlier ? year - 1 : nil, selfDetected: selfDetected)
  }

  /// Rates `persons` and `collectives` under `ruleSet` for `year`.
  static func run(
    _ persons: [PersonEvaluation], collectives: [CollectiveEvaluation] = [], ruleSet: RuleSet = .quyDinh366,
    year: Int = year, exceptions: [QuotaException] = []
  ) throws -> ClassificationRunResult {
    let engine = try ClassificationEngine(ruleSet: ruleSet, exceptions: exceptions)
    return try engine.run(ClassificationInput(year: year, persons: persons, collectives: collectives))
  }

  /// The one person's rating, with the quota off: alone in a unit, any HTXSNV exceeds 20% of
  /// no HTTNV, so a case about another rule would otherwise end in the quota.
  static func rate(_ person: PersonEvaluation, ruleSet: RuleSet = .quyDinh366, collectives: [CollectiveEvaluation] = [])
    throws -> Rating
  {
    let ratings = try run([person], collectives: collectives, ruleSet: ruleSet.withoutQuota, year: person.year).ratings
    return try #require(ratings.first { $0.subjectKind != .collective })
  }

  /// The one collective's rating.
  static func rate(_ collective: CollectiveEvaluation, ruleSet: RuleSet = .quyDinh366) throws -> Rating {
    try #require(try run([], collectives: [collective], ruleSet: ruleSet.withoutQuota).ratings.first)
  }
}

extension RuleSet {
  /// This set with the rule `id` changed by `change`.
  func changing(_ id: String, _ change: (inout RatingRule) -> Void) -> RuleSet {
    var set = self
    for index in set.rules.indices where set.rules[index].id == id { change(&set.rules[index]) }
    return set
  }

  /// This set with its quota switched off.
  var withoutQuota: RuleSet { changingQuota { $0.enabled = false } }

  /// This set with its quota changed by `change`.
  func changingQuota(_ change: (inout QuotaConfig) -> Void) -> RuleSet {
    var set = self
    if var quota = set.quota {
      change(&quota)
      set.quota = quota
    }
    return set
  }
}

extension Rating {
  /// The check of rule `id`.
  func check(_ id: String) -> RuleCheck? { checks.first { $0.ruleId == id } }
}
