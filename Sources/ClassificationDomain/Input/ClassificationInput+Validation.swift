import ReformKit

extension ClassificationInput {
  /// The greatest count of tasks, targets or subordinate units an entry may give. Shares are
  /// compared by cross-multiplying counts with basis points, which this bound keeps far from
  /// overflow whatever a caller sends.
  public static let maximumCount = 1_000_000

  /// Every field that cannot be rated under `ruleSet`, in list order; empty when the input
  /// can be rated. `exceptions` are checked too, as the run will apply them.
  ///
  /// Ids compare as Swift strings, that is by canonical equivalence: an id typed in NFC and the
  /// same id in NFD are one id.
  public func validationErrors(
    against ruleSet: RuleSet, exceptions: [QuotaException] = []
  ) -> [ClassificationInputError] {
    var errors: [ClassificationInputError] = []
    if !ruleSet.applies(toYear: year) {
      let range = ruleSet.validToYear.map { "\(ruleSet.validFromYear)–\($0)" } ?? "\(ruleSet.validFromYear) onwards"
      errors.append(
        ClassificationInputError(
          .failedPrecondition, field: "year", "rule set \(ruleSet.id) rates \(range), not \(year)"))
    }
    var personIndex: [String: Int] = [:]
    personIndex.reserveCapacity(persons.count)
    for (index, person) in persons.enumerated() {
      Self.checkUnique(person.personId, "persons", index, "personId", seen: &personIndex, into: &errors)
      validate(person, index: index, ruleSet: ruleSet, into: &errors)
    }
    var unitIndex: [String: Int] = [:]
    for (index, collective) in collectives.enumerated() {
      Self.checkUnique(collective.unitCode, "collectives", index, "unitCode", seen: &unitIndex, into: &errors)
      validate(collective, index: index, ruleSet: ruleSet, into: &errors)
    }
    validate(exceptions, into: &errors)
    return errors
  }

  /// Refuses entry `index` of `list` when an earlier entry gave its `key` (the entry's `field`),
  /// naming the last entry that did; records the entry as the key's latest.
  private static func checkUnique(
    _ key: String, _ list: String, _ index: Int, _ field: String, seen: inout [String: Int],
    into errors: inout [ClassificationInputError]
  ) {
    if let earlier = seen.updateValue(index, forKey: key) {
      errors.append(
        ClassificationInputError(
          .alreadyExists, field: "\(list)[\(index)].\(field)", subjectId: key, "already given in \(list)[\(earlier)]"))
    }
  }

  /// Checks one person; the field path is only written for an error, as most entries have none.
  private func validate(
    _ person: PersonEvaluation, index: Int, ruleSet: RuleSet, into errors: inout [ClassificationInputError]
  ) {
    func fail(_ field: String, _ message: String, _ kind: DomainErrorKind = .invalidArgument) {
      errors.append(
        ClassificationInputError(kind, field: "persons[\(index)].\(field)", subjectId: person.personId, message))
    }
    if person.personId.isEmpty { fail("personId", "required") }
    if person.year != year { fail("year", "\(person.year) differs from the run's year \(year)") }
    if !person.subjectKind.isPerson {
      fail("subjectKind", "a collective is rated from collectives, not persons")
    } else if !ruleSet.appliesTo.contains(person.subjectKind) {
      fail("subjectKind", "rule set \(ruleSet.id) does not rate \(person.subjectKind.rawValue)", .failedPrecondition)
    }
    if person.unitCode.isEmpty { fail("unitCode", "required") }
    validateStart(scores: person.scores, assessed: person.assessedLevel, ruleSet: ruleSet, fail)
    validate(person.tasks, fail)
    validate(person.discipline, fail)
    for (index, finding) in person.declines.enumerated() where !finding.concluded.isValid {
      fail("declines[\(index)].concluded", "\(finding.concluded) is not a date")
    }
  }

  private func validate(
    _ collective: CollectiveEvaluation, index: Int, ruleSet: RuleSet, into errors: inout [ClassificationInputError]
  ) {
    func fail(_ field: String, _ message: String, _ kind: DomainErrorKind = .invalidArgument) {
      errors.append(
        ClassificationInputError(kind, field: "collectives[\(index)].\(field)", subjectId: collective.unitCode, message)
      )
    }
    if collective.unitCode.isEmpty { fail("unitCode", "required") }
    if collective.year != year { fail("year", "\(collective.year) differs from the run's year \(year)") }
    if !ruleSet.appliesTo.contains(.collective) {
      fail("unitCode", "rule set \(ruleSet.id) does not rate collectives", .failedPrecondition)
    }
    validateStart(scores: collective.scores, assessed: collective.assessedLevel, ruleSet: ruleSet, fail)
    validate(collective.tasks, fail)
    if !(0...Self.maximumCount).contains(collective.targetsTotal) {
      fail("targetsTotal", "\(collective.targetsTotal) is outside 0…\(Self.maximumCount)")
    }
    if !(0...Self.maximumCount).contains(collective.subordinateUnitsTotal) {
      fail("subordinateUnitsTotal", "\(collective.subordinateUnitsTotal) is outside 0…\(Self.maximumCount)")
    }
    if collective.targetsMet < 0 || collective.targetsMet > max(collective.targetsTotal, 0) {
      fail("targetsMet", "\(collective.targetsMet) is outside 0…\(max(collective.targetsTotal, 0)) (targetsTotal)")
    }
    if collective.disciplinedSubordinates.count > collective.subordinateUnitsTotal {
      fail(
        "subordinateUnitsTotal",
        "\(collective.subordinateUnitsTotal) is fewer than the \(collective.disciplinedSubordinates.count) "
          + "disciplined subordinate units listed"
      )
    }
    var subordinates = Set<String>()
    for (index, subordinate) in collective.disciplinedSubordinates.enumerated() {
      if subordinate.unitCode.isEmpty { fail("disciplinedSubordinates[\(index)].unitCode", "required") }
      if !subordinates.insert(subordinate.unitCode).inserted {
        fail("disciplinedSubordinates[\(index)].unitCode", "\(subordinate.unitCode) is listed twice")
      }
    }
    validate(collective.discipline, fail)
    let leaders = Set(collective.leaderPersonIds)
    var disciplinedLeaders = Set<String>()
    for (index, id) in collective.disciplinedLeaderPersonIds.enumerated() {
      if !leaders.contains(id) {
        fail("disciplinedLeaderPersonIds[\(index)]", "\(id) is not in leaderPersonIds")
      } else if !disciplinedLeaders.insert(id).inserted {
        fail("disciplinedLeaderPersonIds[\(index)]", "\(id) is listed twice")
      }
    }
  }

  /// Points within the scale for a scored set; an assessed level for a set without points.
  private func validateStart(
    scores: RatingScores?, assessed: RatingLevel?, ruleSet: RuleSet,
    _ fail: (String, String, DomainErrorKind) -> Void
  ) {
    guard let scale = ruleSet.scale else {
      if assessed == nil {
        fail("assessedLevel", "required: rule set \(ruleSet.id) rates from the assessed level", .invalidArgument)
      }
      return
    }
    guard let scores else {
      fail("scores", "required: rule set \(ruleSet.id) rates on points", .invalidArgument)
      return
    }
    let parts = [
      ("scores.commonCriteriaHundredths", scores.commonCriteriaHundredths, scale.commonCriteriaMaxHundredths),
      ("scores.taskResultsHundredths", scores.taskResultsHundredths, scale.taskResultsMaxHundredths),
    ]
    for (field, hundredths, maximum) in parts where !(0...maximum).contains(hundredths) {
      fail(field, "\(hundredths) is outside 0…\(maximum) (\(maximum / 100) points)", .invalidArgument)
    }
  }

  private func validate(_ tasks: TaskCounts?, _ fail: (String, String, DomainErrorKind) -> Void) {
    guard let tasks else { return }
    if !(0...Self.maximumCount).contains(tasks.total) {
      fail("tasks.total", "\(tasks.total) is outside 0…\(Self.maximumCount)", .invalidArgument)
    }
    if tasks.onTime < 0 || tasks.onTime > max(tasks.total, 0) {
      fail("tasks.onTime", "\(tasks.onTime) is outside 0…\(max(tasks.total, 0)) (tasks.total)", .invalidArgument)
    }
    if tasks.exceeded < 0 || tasks.exceeded > max(tasks.onTime, 0) {
      fail(
        "tasks.exceeded",
        "\(tasks.exceeded) is outside 0…\(max(tasks.onTime, 0)) (tasks.onTime): a task exceeded was also on time",
        .invalidArgument)
    }
  }

  private func validate(_ records: [DisciplineRecord], _ fail: (String, String, DomainErrorKind) -> Void) {
    var ids = Set<String>()
    for (index, record) in records.enumerated() {
      let at = "discipline[\(index)]"
      if record.id.isEmpty {
        fail("\(at).id", "required: the decision number", .invalidArgument)
      } else if !ids.insert(record.id).inserted {
        fail("\(at).id", "\(record.id) is listed twice", .invalidArgument)
      }
      if !record.decided.isValid { fail("\(at).decided", "\(record.decided) is not a date", .invalidArgument) }
      if let countedYear = record.countedYear {
        if !record.countedInEarlierYear {
          fail("\(at).countedYear", "set only with countedInEarlierYear", .invalidArgument)
        } else if countedYear >= year {
          fail("\(at).countedYear", "\(countedYear) is not earlier than the run's year \(year)", .invalidArgument)
        }
      }
    }
  }

  private func validate(_ exceptions: [QuotaException], into errors: inout [ClassificationInputError]) {
    var scopes: [String: Int] = [:]
    for (index, exception) in exceptions.enumerated() {
      let at = "exceptions[\(index)]"
      func fail(_ field: String, _ message: String, _ kind: DomainErrorKind = .invalidArgument) {
        errors.append(ClassificationInputError(kind, field: "\(at).\(field)", subjectId: exception.unitCode, message))
      }
      if exception.id.isEmpty { fail("id", "required") }
      if exception.unitCode.isEmpty { fail("unitCode", "required") }
      if exception.authority.isEmpty { fail("authority", "required: who granted it") }
      if exception.decision.document.isEmpty { fail("decision.document", "required: the decision granting it") }
      switch exception.grant {
      case .unlimited: break
      case .shareBasisPoints(let share):
        if !(1...10_000).contains(share) { fail("grant.shareBasisPoints", "\(share) is outside 1…10000 basis points") }
      case .extraPlaces(let places):
        if !(1...Self.maximumCount).contains(places) {
          fail("grant.extraPlaces", "\(places) is outside 1…\(Self.maximumCount)")
        }
      case .maxExcellentCount(let count):
        if count < 0 { fail("grant.maxExcellentCount", "\(count) is negative") }
      }
      guard !exception.revoked, exception.year == year else { continue }
      let scope = exception.unitCode + "\u{1F}" + (exception.effectiveDutyGroup ?? "")
      if let first = scopes.updateValue(index, forKey: scope) {
        fail(
          "unitCode", "exceptions[\(first)] already grants this unit and duty group an exception for \(year)",
          .alreadyExists)
      }
    }
  }
}
