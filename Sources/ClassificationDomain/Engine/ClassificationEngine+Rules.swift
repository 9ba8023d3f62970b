extension ClassificationEngine {
  /// How one rule came out: its outcome, its figures, and the level it caps to when it
  /// failed (the rule's `capLevel`, or the cap table's row for a leader rule).
  private struct Evaluation {
    var outcome: RuleOutcome
    var figures: RuleFigures
    var cap: RatingLevel?

    static func notApplicable(_ figures: RuleFigures) -> Evaluation {
      Evaluation(outcome: .notApplicable, figures: figures, cap: nil)
    }
  }

  /// `subject` rated by every rule of the set in order, before any quota. Units it leads that
  /// were not rated are added to `missingLed`.
  func rate(
    _ subject: RatingSubject, year: Int, led: [String: LedCollective], missingLed: inout Set<String>
  ) -> Rating {
    var checks: [RuleCheck] = []
    checks.reserveCapacity(appliedRules.count)
    // Without a threshold reached, a scored subject is KHTNV: "below every threshold".
    var level = RatingLevel.khtnv
    for applied in appliedRules {
      guard applied.enabled else {
        checks.append(RuleCheck(applied, .disabled, levelAfter: level, figures: .none))
        continue
      }
      guard applied.reads(subject.kind) else {
        checks.append(RuleCheck(applied, .notApplicable, levelAfter: level, figures: .otherSubjectKind))
        continue
      }
      let evaluation = evaluate(applied, subject, level: level, year: year, led: led, missingLed: &missingLed)
      switch applied.kind {
      case .scoreThreshold:
        if evaluation.outcome == .held, let reached = applied.level, reached.isBetter(than: level) { level = reached }
      case .assessedLevel:
        level = subject.assessedLevel ?? level
      default:
        if evaluation.outcome == .failed, let cap = evaluation.cap { level = level.capped(at: cap) }
      }
      checks.append(RuleCheck(applied, evaluation.outcome, levelAfter: level, figures: evaluation.figures))
    }
    return Rating(
      subjectKind: subject.kind, subjectId: subject.id, subjectName: subject.name,
      unitCode: subject.unitCode, quotaUnitCode: subject.quotaUnitCode, dutyGroup: subject.dutyGroup,
      year: year, level: level, levelBeforeQuota: level,
      scoreHundredths: ruleSet.isScored ? subject.scores?.totalHundredths : nil,
      checks: checks, quotaDemotion: nil, ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version)
  }

  private func evaluate(
    _ rule: AppliedRule, _ subject: RatingSubject, level: RatingLevel, year: Int,
    led: [String: LedCollective], missingLed: inout Set<String>
  ) -> Evaluation {
    switch rule.kind {
    case .scoreThreshold:
      guard let total = subject.scores?.totalHundredths else { return .notApplicable(.nothingToCount) }
      let min = rule.parameters.minHundredths ?? 0
      return Evaluation(
        outcome: total >= min ? .held : .failed, figures: .score(totalHundredths: total, minHundredths: min))

    case .assessedLevel:
      guard let assessed = subject.assessedLevel else { return .notApplicable(.nothingToCount) }
      return Evaluation(outcome: .held, figures: .assessed(assessed))

    case .tasksOnTime, .tasksExceeded:
      guard let tasks = subject.tasks, tasks.total > 0 else { return .notApplicable(.nothingToCount) }
      let count = rule.kind == .tasksOnTime ? tasks.onTime : tasks.exceeded
      return share(count, of: tasks.total, atLeast: rule.parameters.minShareBasisPoints ?? 0, cap: rule.capLevel)

    case .targetsMet:
      guard let collective = subject.collective, collective.targetsTotal > 0 else {
        return .notApplicable(.nothingToCount)
      }
      return share(
        collective.targetsMet, of: collective.targetsTotal, atLeast: rule.parameters.minShareBasisPoints ?? 0,
        cap: rule.capLevel)

    case .discipline:
      return discipline(subject.discipline, rule.parameters, year: year, cap: rule.capLevel)

    case .decline:
      var counted = 0
      var countedEarlier = 0
      for finding in subject.declines where finding.concluded.year == year {
        if finding.countedInEarlierYear { countedEarlier += 1 } else { counted += 1 }
      }
      return Evaluation(
        outcome: counted == 0 ? .held : .failed, figures: .decline(counted: counted, countedEarlier: countedEarlier),
        cap: rule.capLevel)

    case .ledCollectiveLevel:
      guard !subject.ledUnitCodes.isEmpty else { return .notApplicable(.notALeader) }
      let caps = rule.parameters.collectiveCaps ?? []
      var binding: (unitCode: String, level: RatingLevel, cap: RatingLevel)?
      var missing: [String] = []
      for code in subject.ledUnitCodes {
        guard let collective = led[code] else {
          missing.append(code)
          continue
        }
        let cap = caps.first { $0.collectiveLevel == collective.level }?.leaderAtBest ?? collective.level
        if binding.map({ cap.rank > $0.cap.rank }) ?? true { binding = (code, collective.level, cap) }
      }
      missingLed.formUnion(missing)
      guard let binding else { return .notApplicable(.ledCollectiveNotRated(unitCodes: missing)) }
      return Evaluation(
        outcome: level.isBetter(than: binding.cap) ? .failed : .held,
        figures: .ledCollectiveLevel(
          unitCode: binding.unitCode, collectiveLevel: binding.level, leaderAtBest: binding.cap),
        cap: binding.cap)

    case .ledCollectiveTasks:
      guard !subject.ledUnitCodes.isEmpty else { return .notApplicable(.notALeader) }
      let minOnTime = rule.parameters.minOnTimeBasisPoints ?? 0
      let minExceeded = rule.parameters.minExceededBasisPoints ?? 0
      var first: RuleFigures?
      var missing: [String] = []
      for code in subject.ledUnitCodes {
        guard let collective = led[code] else {
          missing.append(code)
          continue
        }
        guard let tasks = collective.tasks, tasks.total > 0 else { continue }
        let figures = RuleFigures.ledCollectiveTasks(
          unitCode: code, tasks: tasks, minOnTimeBasisPoints: minOnTime, minExceededBasisPoints: minExceeded)
        let meets =
          tasks.onTime * 10_000 >= minOnTime * tasks.total && tasks.exceeded * 10_000 >= minExceeded * tasks.total
        if !meets { return Evaluation(outcome: .failed, figures: figures, cap: rule.capLevel) }
        first = first ?? figures
      }
      missingLed.formUnion(missing)
      guard let first else {
        return .notApplicable(missing.isEmpty ? .nothingToCount : .ledCollectiveNotRated(unitCodes: missing))
      }
      return Evaluation(outcome: .held, figures: first, cap: rule.capLevel)

    case .subordinateDiscipline:
      guard let collective = subject.collective else { return .notApplicable(.otherSubjectKind) }
      let spare = rule.parameters.spareSelfDetected ?? false
      let spared = spare ? collective.disciplinedSubordinates.reduce(0) { $0 + ($1.selfDetected ? 1 : 0) } : 0
      let disciplined = collective.disciplinedSubordinates.count - spared
      let total = collective.subordinateUnitsTotal
      let max = rule.parameters.maxShareBasisPoints ?? 0
      let exceeds = disciplined * 10_000 > max * total
      return Evaluation(
        outcome: exceeds ? .failed : .held,
        figures: .subordinates(disciplined: disciplined, spared: spared, total: total, maxBasisPoints: max),
        cap: rule.capLevel)

    case .leadershipDiscipline:
      guard let collective = subject.collective else { return .notApplicable(.otherSubjectKind) }
      let disciplined = collective.disciplinedLeaderPersonIds.count
      let max = rule.parameters.maxCount ?? 0
      return Evaluation(
        outcome: disciplined > max ? .failed : .held, figures: .leadership(disciplined: disciplined, maxCount: max),
        cap: rule.capLevel)
    }
  }

  /// `count` of `total` against a least share, by cross-multiplication (no rounding).
  private func share(_ count: Int, of total: Int, atLeast minimum: Int, cap: RatingLevel?) -> Evaluation {
    Evaluation(
      outcome: count * 10_000 >= minimum * total ? .held : .failed,
      figures: .share(count: count, total: total, boundBasisPoints: minimum), cap: cap)
  }

  /// The decisions that count in `year`: of a listed system, at or above the least measure,
  /// whose violation was not counted in an earlier year, and (when sparing) not found by the
  /// subject's own unit. One violation counts once however many decisions punish it.
  private func discipline(
    _ records: [DisciplineRecord], _ parameters: RuleParameters, year: Int, cap: RatingLevel?
  ) -> Evaluation {
    guard !records.isEmpty else {
      return Evaluation(
        outcome: .held,
        figures: .discipline(counted: [], countedEarlier: 0, spared: 0, belowMinimum: 0, otherYearOrSystem: 0), cap: cap
      )
    }
    let minimum = parameters.minDisciplineLevel ?? .reprimand
    let spare = parameters.spareSelfDetected ?? false
    let countedBefore = Set(records.lazy.filter(\.countedInEarlierYear).map(\.violationKey))
    var counted: [String] = []
    var violations = Set<String>()
    var countedEarlier = 0
    var spared = 0
    var belowMinimum = 0
    var otherYearOrSystem = 0
    for record in records {
      if record.decided.year != year || !(parameters.systems?.contains(record.system) ?? true) {
        otherYearOrSystem += 1
      } else if !record.level.isAtLeast(minimum) {
        belowMinimum += 1
      } else if record.countedInEarlierYear || countedBefore.contains(record.violationKey) {
        countedEarlier += 1
      } else if spare && record.selfDetected {
        spared += 1
      } else if violations.insert(record.violationKey).inserted {
        counted.append(record.id)
      }
    }
    return Evaluation(
      outcome: counted.isEmpty ? .held : .failed,
      figures: .discipline(
        counted: counted, countedEarlier: countedEarlier, spared: spared, belowMinimum: belowMinimum,
        otherYearOrSystem: otherYearOrSystem),
      cap: cap)
  }
}
