import ClassificationDomain
import ReformWire

extension ClassificationDomain.PersonEvaluation {
  /// The domain's evaluation of `wire`, with what the proto can say wrong recorded in
  /// `problems` (paths relative to the entry, e.g. `discipline[0].level`); `nil` when the
  /// entry cannot be held at all (no person kind). Ranges and cross-field rules are the
  /// domain's validation to check.
  init?(wire: ReformWire.PersonEvaluation, problems: inout FieldProblems) {
    problems.checkLength(wire.personId, "person_id", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.subjectName, "subject_name", limit: ClassificationLimits.nameLength)
    problems.checkLength(wire.unitCode, "unit_code", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.quotaUnitCode, "quota_unit_code", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.dutyGroup, "duty_group", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.note, "note", limit: ClassificationLimits.textLength)
    problems.checkYear(wire.year)
    let kind = ClassificationDomain.RatingSubjectKind(wire: wire.subjectKind)
    if kind == nil || kind == .collective {
      problems.add(
        "subject_kind",
        kind == .collective
          ? "a collective is submitted in collectives, not persons"
          : "required: PARTY_MEMBER, CIVIL_SERVANT or PUBLIC_EMPLOYEE; got \(wire.subjectKind)")
    }
    let scores = wire.scores.map { wireScores in
      problems.reading("scores") { ClassificationDomain.RatingScores(wire: wireScores, problems: &$0) }
    }
    let discipline = ClassificationDomain.DisciplineRecord.list(wire.discipline, field: "discipline", problems: &problems)
    problems.checkCount(wire.declines.count, "declines", limit: ClassificationLimits.entriesPerList)
    let declines = wire.declines.enumerated().compactMap { index, finding in
      problems.reading("declines[\(index)]") { DeclineFinding(wire: finding, problems: &$0) }
    }
    problems.checkCount(wire.positions.count, "positions", limit: ClassificationLimits.entriesPerList)
    let positions = wire.positions.enumerated().map { index, position in
      problems.reading("positions[\(index)]") { ClassificationDomain.RatingPosition(wire: position, problems: &$0) }
    }
    let assessed = ClassificationDomain.RatingLevel.optional(wire.assessedLevel, field: "assessed_level", problems: &problems)
    let selfAssessed = ClassificationDomain.RatingLevel.optional(
      wire.selfAssessedLevel, field: "self_assessed_level", problems: &problems)
    guard let kind, kind.isPerson else { return nil }
    self.init(
      personId: wire.personId, year: Int(wire.year), subjectKind: kind,
      subjectName: wire.subjectName.isEmpty ? nil : wire.subjectName, unitCode: wire.unitCode,
      quotaUnitCode: wire.quotaUnitCode.isEmpty ? nil : wire.quotaUnitCode,
      dutyGroup: wire.dutyGroup.isEmpty ? nil : wire.dutyGroup, scores: scores, tasks: wire.tasks.map(TaskCounts.init(wire:)),
      discipline: discipline, declines: declines, positions: positions, assessedLevel: assessed,
      selfAssessedLevel: selfAssessed)
  }
}

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
