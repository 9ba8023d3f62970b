/// Where a page of ratings starts: after the rating with this key, in list order (unit,
/// subject id, kind).
struct ResultPageKey: Sendable, Hashable {
  var unitCode: String
  var subjectId: String
  /// The proto's RatingSubjectKind number.
  var subjectKind: Int32
}

extension ResultRecord {
  /// The record's place in list order.
  var pageKey: ResultPageKey { ResultPageKey(unitCode: unitCode, subjectId: subjectId, subjectKind: subjectKind) }
}
