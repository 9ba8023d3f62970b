import ReformStore

extension ResultScope {
  /// The condition selecting the scope's rows of `classification_results` on PostgreSQL.
  var postgresCondition: PostgresStatement {
    switch self {
    case .run(let id): "run_id = \(id)"
    case .current(let year): "year = \(year) AND locked = 1 AND superseded_by_run_id IS NULL"
    }
  }
}

extension ResultFilter {
  /// The conditions, joined to the scope's, on PostgreSQL.
  func postgresCondition(_ scope: ResultScope) -> PostgresStatement {
    var condition = scope.postgresCondition
    if let units { condition.append(" AND unit_code = ANY(\(units.sorted()))") }
    if !kinds.isEmpty { condition.append(" AND subject_kind = ANY(\(kinds.map(Int64.init)))") }
    if !levels.isEmpty { condition.append(" AND level = ANY(\(levels.map(Int64.init)))") }
    if quotaDemotedOnly { condition.append(" AND quota_demoted = 1") }
    return condition
  }
}
