import GRDB

extension ResultScope {
  /// The condition selecting the scope's rows of `classification_results`.
  var condition: (sql: String, arguments: StatementArguments) {
    switch self {
    case .run(let id): ("run_id = ?", [id])
    case .current(let year): ("year = ? AND locked = 1 AND superseded_by_run_id IS NULL", [year])
    }
  }
}

extension ResultFilter {
  /// The conditions, joined to the scope's.
  func condition(_ scope: ResultScope) -> (sql: String, arguments: StatementArguments) {
    var (sql, arguments) = scope.condition
    if let units {
      sql += " AND unit_code IN (SELECT value FROM json_each(?))"
      arguments += [ClassificationStore.jsonArray(units.sorted())]
    }
    if !kinds.isEmpty {
      sql += " AND subject_kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))"
      arguments += StatementArguments(kinds)
    }
    if !levels.isEmpty {
      sql += " AND level IN (\(levels.map { _ in "?" }.joined(separator: ", ")))"
      arguments += StatementArguments(levels)
    }
    if quotaDemotedOnly { sql += " AND quota_demoted = 1" }
    return (sql, arguments)
  }
}
