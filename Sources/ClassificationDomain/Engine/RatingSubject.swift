/// One subject as the rules read it, whether a person or a collective: the engine rates both
/// through the same loop, and a rule that reads what a subject lacks does not apply to it.
struct RatingSubject: Sendable {
  var kind: RatingSubjectKind
  var id: String
  var name: String?
  var unitCode: String
  var quotaUnitCode: String
  var dutyGroup: String?
  var scores: RatingScores?
  var tasks: TaskCounts?
  var assessedLevel: RatingLevel?
  var discipline: [DisciplineRecord]
  var declines: [DeclineFinding]
  var ledUnitCodes: [String]
  /// The collective's own evaluation; `nil` for a person.
  var collective: CollectiveEvaluation?

  init(_ person: PersonEvaluation) {
    kind = person.subjectKind
    id = person.personId
    name = person.subjectName
    unitCode = person.unitCode
    quotaUnitCode = person.effectiveQuotaUnitCode
    dutyGroup = person.effectiveDutyGroup
    scores = person.scores
    tasks = person.tasks
    assessedLevel = person.assessedLevel
    discipline = person.discipline
    declines = person.declines
    ledUnitCodes = person.ledUnitCodes
    collective = nil
  }

  init(_ collective: CollectiveEvaluation) {
    kind = .collective
    id = collective.unitCode
    name = collective.subjectName
    unitCode = collective.unitCode
    quotaUnitCode = collective.unitCode
    dutyGroup = nil
    scores = collective.scores
    tasks = collective.tasks
    assessedLevel = collective.assessedLevel
    discipline = collective.discipline
    declines = []
    ledUnitCodes = []
    self.collective = collective
  }
}
