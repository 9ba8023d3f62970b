extension Paging {
  /// The evaluation the page starts after; `nil` on the first page (or for a key of another
  /// shape, which starts again from the first).
  var evaluationKey: EvaluationPageKey? {
    guard after?.count == 5, let year = int(0), let person = int(1), let unit = text(2), let subject = text(3),
      let kind = int(4)
    else { return nil }
    return EvaluationPageKey(
      year: Int(year), isPerson: person != 0, unitCode: unit, subjectId: subject, subjectKind: Int32(truncatingIfNeeded: kind))
  }

  /// The rating the page starts after; `nil` on the first page.
  var resultKey: ResultPageKey? {
    guard after?.count == 3, let unit = text(0), let subject = text(1), let kind = int(2) else { return nil }
    return ResultPageKey(unitCode: unit, subjectId: subject, subjectKind: Int32(truncatingIfNeeded: kind))
  }

  /// The page key of an evaluation, as a token holds it.
  static func token(_ key: EvaluationPageKey) -> [String] {
    [String(key.year), key.isPerson ? "1" : "0", key.unitCode, key.subjectId, String(key.subjectKind)]
  }

  /// The page key of a rating, as a token holds it.
  static func token(_ key: ResultPageKey) -> [String] { [key.unitCode, key.subjectId, String(key.subjectKind)] }
}
