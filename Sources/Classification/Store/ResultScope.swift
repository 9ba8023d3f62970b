import GRDB

/// Which ratings a read covers: one run's, or the current final ratings of a year (locked and
/// not superseded).
enum ResultScope: Sendable, Equatable {
  case run(String)
  case current(year: Int)

  /// The condition selecting the scope's rows of `classification_results`.
  var condition: (sql: String, arguments: StatementArguments) {
    switch self {
    case .run(let id): ("run_id = ?", [id])
    case .current(let year): ("year = ? AND locked = 1 AND superseded_by_run_id IS NULL", [year])
    }
  }
}

/// What a list of ratings keeps of its scope.
struct ResultFilter: Sendable {
  /// Only subjects rated in these units; all when `nil`.
  var units: Set<String>?
  /// Only these kinds (proto numbers); all when empty.
  var kinds: [Int32] = []
  /// Only these levels (proto numbers); all when empty.
  var levels: [Int32] = []
  var quotaDemotedOnly = false

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
