import ClassificationDomain
import ReformWire

extension ClassificationDomain.CollectiveEvaluation {
  /// The domain's evaluation of `wire`, with what the proto can say wrong recorded in
  /// `problems`. A disciplined subordinate unit is self-detected when
  /// `self_detected_subordinate_unit_codes` lists it too; a code listed there alone is an
  /// error. `parent_unit_code` is not the domain's: it places the unit in the tree the module
  /// keeps (``SubmittedUnitHierarchy``).
  init(wire: ReformWire.CollectiveEvaluation, problems: inout FieldProblems) {
    problems.checkLength(wire.unitCode, "unit_code", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.subjectName, "subject_name", limit: ClassificationLimits.nameLength)
    problems.checkLength(wire.note, "note", limit: ClassificationLimits.textLength)
    problems.checkLength(wire.parentUnitCode, "parent_unit_code", limit: ClassificationLimits.codeLength)
    if !wire.parentUnitCode.isEmpty, wire.parentUnitCode == wire.unitCode {
      problems.add("parent_unit_code", "\(wire.parentUnitCode) is the unit itself")
    }
    problems.checkYear(wire.year)
    let scores = wire.scores.map { wireScores in
      problems.reading("scores") { ClassificationDomain.RatingScores(wire: wireScores, problems: &$0) }
    }
    for (field, list) in [
      ("disciplined_subordinate_unit_codes", wire.disciplinedSubordinateUnitCodes),
      ("leader_person_ids", wire.leaderPersonIds), ("disciplined_leader_person_ids", wire.disciplinedLeaderPersonIds),
      ("self_detected_subordinate_unit_codes", wire.selfDetectedSubordinateUnitCodes),
    ] {
      problems.checkCount(list.count, field, limit: ClassificationLimits.unitsPerList)
      for (index, code) in list.enumerated() where code.utf8.count > ClassificationLimits.codeLength {
        problems.add("\(field)[\(index)]", "at most \(ClassificationLimits.codeLength) bytes; got \(code.utf8.count)")
      }
    }
    let disciplined = Set(wire.disciplinedSubordinateUnitCodes)
    for (index, code) in wire.selfDetectedSubordinateUnitCodes.enumerated() where !disciplined.contains(code) {
      problems.add(
        "self_detected_subordinate_unit_codes[\(index)]", "\(code) is not in disciplined_subordinate_unit_codes")
    }
    let selfDetected = Set(wire.selfDetectedSubordinateUnitCodes)
    let discipline = ClassificationDomain.DisciplineRecord.list(wire.discipline, field: "discipline", problems: &problems)
    let assessed = ClassificationDomain.RatingLevel.optional(wire.assessedLevel, field: "assessed_level", problems: &problems)
    let selfAssessed = ClassificationDomain.RatingLevel.optional(
      wire.selfAssessedLevel, field: "self_assessed_level", problems: &problems)
    self.init(
      unitCode: wire.unitCode, year: Int(wire.year), subjectName: wire.subjectName.isEmpty ? nil : wire.subjectName,
      scores: scores, tasks: wire.tasks.map(TaskCounts.init(wire:)), targetsTotal: Int(wire.targetsTotal),
      targetsMet: Int(wire.targetsMet), subordinateUnitsTotal: Int(wire.subordinateUnitsTotal),
      disciplinedSubordinates: wire.disciplinedSubordinateUnitCodes.map {
        DisciplinedSubordinate(unitCode: $0, selfDetected: selfDetected.contains($0))
      },
      discipline: discipline, leaderPersonIds: wire.leaderPersonIds,
      disciplinedLeaderPersonIds: wire.disciplinedLeaderPersonIds, assessedLevel: assessed, selfAssessedLevel: selfAssessed)
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
