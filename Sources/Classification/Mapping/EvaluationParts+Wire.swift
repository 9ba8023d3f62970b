import ClassificationDomain
import ReformKit
import ReformModule
import ReformWire

extension ClassificationDomain.RatingScores {
  /// The points `wire` gives. The ranges against the scale are the domain's to check; the
  /// optional breakdown is checked here, as the domain does not keep it: each criterion within
  /// its maximum, ids unique, and the criteria adding up to the two totals.
  init(wire: ReformWire.RatingScores, problems: inout FieldProblems) {
    problems.checkCount(wire.criteria.count, "criteria", limit: ClassificationLimits.entriesPerList)
    var ids = Set<String>()
    var sum: Int64 = 0
    for (index, criterion) in wire.criteria.enumerated() {
      let at = "criteria[\(index)]"
      if criterion.criterionId.isEmpty {
        problems.add("\(at).criterion_id", "required")
      } else if !ids.insert(criterion.criterionId).inserted {
        problems.add("\(at).criterion_id", "\(criterion.criterionId) is listed twice")
      }
      problems.checkLength(criterion.criterionId, "\(at).criterion_id", limit: ClassificationLimits.codeLength)
      problems.checkLength(criterion.name, "\(at).name", limit: ClassificationLimits.nameLength)
      if criterion.maxHundredths < 0 { problems.add("\(at).max_hundredths", "\(criterion.maxHundredths) is negative") }
      if criterion.hundredths < 0 || criterion.hundredths > max(criterion.maxHundredths, 0) {
        problems.add("\(at).hundredths", "\(criterion.hundredths) is outside 0…\(max(criterion.maxHundredths, 0)) (max_hundredths)")
      }
      sum += Int64(criterion.hundredths)
    }
    let total = Int64(wire.commonCriteriaHundredths) + Int64(wire.taskResultsHundredths)
    if !wire.criteria.isEmpty, sum != total {
      problems.add("criteria", "the criteria add up to \(sum) hundredths, not the \(total) of the two totals")
    }
    self.init(
      commonCriteriaHundredths: Int(wire.commonCriteriaHundredths), taskResultsHundredths: Int(wire.taskResultsHundredths))
  }
}

extension TaskCounts {
  /// The counts `wire` gives; their ranges are the domain's to check.
  init(wire: RatingTaskCounts) {
    self.init(total: Int(wire.total), onTime: Int(wire.onTime), exceeded: Int(wire.exceeded))
  }
}

extension ClassificationDomain.DisciplineRecord {
  /// The decision `wire` names; `nil` when a field the domain cannot hold without (the
  /// system, the level, the date) is missing, with the problem recorded.
  init?(wire: ReformWire.DisciplineRecord, problems: inout FieldProblems) {
    problems.checkLength(wire.id, "id", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.violation, "violation", limit: ClassificationLimits.textLength)
    problems.checkLength(wire.violationId, "violation_id", limit: ClassificationLimits.codeLength)
    let decision = wire.decision.map { source in
      problems.reading("decision") { ReformKit.SourceRef(wire: source, problems: &$0) }
    }
    if wire.violationYear != 0, !ClassificationLimits.years.contains(Int(wire.violationYear)) {
      problems.add("violation_year", "\(wire.violationYear) is not a year; leave it 0 when unknown")
    }
    if wire.countedYear != 0, !wire.countedInEarlierYear {
      problems.add("counted_year", "set only with counted_in_earlier_year")
    }
    let system = ClassificationDomain.DisciplineSystem(wire: wire.system)
    if system == nil { problems.add("system", "required: PARTY or ADMINISTRATIVE; got \(wire.system)") }
    let level = ClassificationDomain.DisciplineLevel(wire: wire.level)
    if level == nil {
      problems.add("level", "required: a disciplinary measure (ADMONITION, REPRIMAND … DISSOLUTION); got \(wire.level)")
    }
    if wire.decided == nil { problems.add("decided", "required: the decision's date") }
    guard let system, let level, let decided = wire.decided else { return nil }
    self.init(
      id: wire.id, system: system, level: level, decided: CivilDate(wire: decided), decision: decision,
      violation: wire.violation.isEmpty ? nil : wire.violation, violationId: wire.violationId,
      countedInEarlierYear: wire.countedInEarlierYear, countedYear: wire.countedYear == 0 ? nil : Int(wire.countedYear),
      selfDetected: wire.selfDetected)
  }

  /// Reads every record of `records` at `field`, skipping those that cannot be held.
  static func list(
    _ records: [ReformWire.DisciplineRecord], field: String, problems: inout FieldProblems
  ) -> [ClassificationDomain.DisciplineRecord] {
    problems.checkCount(records.count, field, limit: ClassificationLimits.entriesPerList)
    return records.enumerated().compactMap { index, record in
      problems.reading("\(field)[\(index)]") { ClassificationDomain.DisciplineRecord(wire: record, problems: &$0) }
    }
  }
}

extension DeclineFinding {
  /// The finding `wire` names; `nil` without its date, with the problem recorded.
  init?(wire: RatingDeclineFinding, problems: inout FieldProblems) {
    problems.checkLength(wire.finding, "finding", limit: ClassificationLimits.textLength)
    let conclusion = wire.conclusion.map { source in
      problems.reading("conclusion") { ReformKit.SourceRef(wire: source, problems: &$0) }
    }
    guard let concluded = wire.concluded else {
      problems.add("concluded", "required: the date of the conclusion")
      return nil
    }
    self.init(
      concluded: CivilDate(wire: concluded), conclusion: conclusion, finding: wire.finding,
      countedInEarlierYear: wire.countedInEarlierYear)
  }
}

extension ClassificationDomain.RatingPosition {
  /// The position `wire` names. The period it was held is kept with the submitted evaluation;
  /// the rules do not read it.
  init(wire: ReformWire.RatingPosition, problems: inout FieldProblems) {
    problems.checkLength(wire.title, "title", limit: ClassificationLimits.nameLength)
    problems.checkLength(wire.unitCode, "unit_code", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.ledUnitCode, "led_unit_code", limit: ClassificationLimits.codeLength)
    for (name, date) in [("held.first", wire.held?.first), ("held.last", wire.held?.last)] {
      if let date, !CivilDate(wire: date).isValid { problems.add(name, "\(date.iso) is not a date") }
    }
    self.init(
      title: wire.title, unitCode: wire.unitCode, leaderOrManager: wire.leaderOrManager, head: wire.head,
      ledUnitCode: wire.ledUnitCode.isEmpty ? nil : wire.ledUnitCode)
  }
}

extension ClassificationDomain.RatingLevel {
  /// The optional level at `field`: `nil` when unspecified, a problem when unknown.
  static func optional(_ wire: ReformWire.RatingLevel, field: String, problems: inout FieldProblems) -> Self? {
    guard wire.rawValue != 0 else { return nil }
    guard let level = Self(wire: wire) else {
      problems.add(field, "\(wire.rawValue) is not a rating level")
      return nil
    }
    return level
  }
}

extension ClassificationDomain.RatingScores {
  /// The points on the wire.
  var wire: ReformWire.RatingScores {
    ReformWire.RatingScores(
      commonCriteriaHundredths: Int32(clamping: commonCriteriaHundredths),
      taskResultsHundredths: Int32(clamping: taskResultsHundredths))
  }
}

extension TaskCounts {
  /// The counts on the wire.
  var wire: RatingTaskCounts {
    RatingTaskCounts(total: Int32(clamping: total), onTime: Int32(clamping: onTime), exceeded: Int32(clamping: exceeded))
  }
}

extension ClassificationDomain.DisciplineRecord {
  /// The decision on the wire.
  var wire: ReformWire.DisciplineRecord {
    ReformWire.DisciplineRecord(
      id: id, system: system.wire, level: level.wire, decided: decided.wire,
      decision: decision?.wire, violation: violation ?? "", violationId: violationId,
      countedInEarlierYear: countedInEarlierYear, countedYear: Int32(clamping: countedYear ?? 0),
      selfDetected: selfDetected)
  }
}

extension DeclineFinding {
  /// The finding on the wire.
  var wire: RatingDeclineFinding {
    RatingDeclineFinding(
      concluded: concluded.wire, conclusion: conclusion?.wire, finding: finding, countedInEarlierYear: countedInEarlierYear)
  }
}

extension ClassificationDomain.RatingPosition {
  /// The position on the wire.
  var wire: ReformWire.RatingPosition {
    ReformWire.RatingPosition(
      title: title, unitCode: unitCode, leaderOrManager: leaderOrManager, head: head, ledUnitCode: ledUnitCode ?? "")
  }
}
