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
  var resultKey: ResultPageKey? { after?.count == 3 ? Self.resultKey(after ?? []) : nil }

  /// The rating a page key names.
  static func resultKey(_ key: [TokenValue]) -> ResultPageKey? {
    guard key.count == 3, case .text(let unit) = key[0], case .text(let subject) = key[1], case .int(let kind) = key[2]
    else { return nil }
    return ResultPageKey(unitCode: unit, subjectId: subject, subjectKind: Int32(truncatingIfNeeded: kind))
  }

  /// The page key of an evaluation, as a token holds it.
  static func token(_ key: EvaluationPageKey) -> [TokenValue] {
    [.int(Int64(key.year)), .int(key.isPerson ? 1 : 0), .text(key.unitCode), .text(key.subjectId), .int(Int64(key.subjectKind))]
  }

  /// The page key of a rating, as a token holds it.
  static func token(_ key: ResultPageKey) -> [TokenValue] {
    [.text(key.unitCode), .text(key.subjectId), .int(Int64(key.subjectKind))]
  }
}
