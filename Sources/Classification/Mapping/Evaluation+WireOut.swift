import ClassificationDomain
import ReformWire

extension ClassificationDomain.PersonEvaluation {
  /// The evaluation as a client sends it, e.g. to submit a generated population. Fields the
  /// domain does not keep (the note, the criteria breakdown, the period a position was held)
  /// are left empty.
  public var wire: ReformWire.PersonEvaluation {
    ReformWire.PersonEvaluation(
      personId: personId, year: Int32(clamping: year), subjectKind: subjectKind.wire, subjectName: subjectName ?? "",
      unitCode: unitCode, quotaUnitCode: quotaUnitCode ?? "", dutyGroup: dutyGroup ?? "", scores: scores?.wire,
      tasks: tasks?.wire, discipline: discipline.map(\.wire), declines: declines.map(\.wire),
      positions: positions.map(\.wire), assessedLevel: assessedLevel?.wire ?? .unspecified,
      selfAssessedLevel: selfAssessedLevel?.wire ?? .unspecified)
  }
}

extension ClassificationDomain.CollectiveEvaluation {
  /// The evaluation as a client sends it, without a parent unit (the domain does not keep
  /// one; set `parent_unit_code` on the result to place the unit in the tree).
  public var wire: ReformWire.CollectiveEvaluation {
    ReformWire.CollectiveEvaluation(
      unitCode: unitCode, year: Int32(clamping: year), subjectName: subjectName ?? "", scores: scores?.wire,
      tasks: tasks?.wire, targetsTotal: Int32(clamping: targetsTotal), targetsMet: Int32(clamping: targetsMet),
      subordinateUnitsTotal: Int32(clamping: subordinateUnitsTotal),
      disciplinedSubordinateUnitCodes: disciplinedSubordinates.map(\.unitCode), discipline: discipline.map(\.wire),
      leaderPersonIds: leaderPersonIds, disciplinedLeaderPersonIds: disciplinedLeaderPersonIds,
      assessedLevel: assessedLevel?.wire ?? .unspecified, selfAssessedLevel: selfAssessedLevel?.wire ?? .unspecified,
      selfDetectedSubordinateUnitCodes: disciplinedSubordinates.filter(\.selfDetected).map(\.unitCode))
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
