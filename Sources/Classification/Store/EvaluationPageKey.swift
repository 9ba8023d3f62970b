/// Where a page of evaluations starts: after the evaluation with this key, in list order
/// (year, collectives first, unit, subject id, kind).
struct EvaluationPageKey: Sendable, Hashable {
  var year: Int
  var isPerson: Bool
  var unitCode: String
  var subjectId: String
  /// The proto's RatingSubjectKind number.
  var subjectKind: Int32
}

extension EvaluationRecord {
  /// The record's place in list order.
  var pageKey: EvaluationPageKey {
    EvaluationPageKey(year: year, isPerson: isPerson, unitCode: unitCode, subjectId: subjectId, subjectKind: subjectKind)
  }
}
