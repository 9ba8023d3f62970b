/// What identifies one current evaluation: the year, the subject's kind (proto number) and the
/// subject's id (a person id, or a collective's unit code).
struct EvaluationKey: Hashable, Sendable {
  var year: Int
  var subjectKind: Int32
  var subjectId: String
}
