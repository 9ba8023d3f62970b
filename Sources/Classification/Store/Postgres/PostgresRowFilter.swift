import PostgresNIO
import ReformStore

/// ``RowFilter`` for PostgreSQL: the `WHERE` clause of a list's query, built one condition at a
/// time, each with its values (`PostgresStatement`); a set of units or kinds is one array
/// value (`= ANY(…)`) where SQLite reads a JSON array.
struct PostgresRowFilter {
  private(set) var conditions: [PostgresStatement] = []

  /// Adds `condition`.
  mutating func add(_ condition: PostgresStatement) {
    conditions.append(condition)
  }

  /// Rows of `year`; every year for 0.
  mutating func year(_ year: Int) {
    if year != 0 { add("year = \(year)") }
  }

  /// Rows whose `unit_code` is one of `units`; every unit for `nil`.
  mutating func units(_ units: Set<String>?) {
    if let units { add("unit_code = ANY(\(units.sorted()))") }
  }

  /// Rows whose `column` is one of `values` (proto numbers); every row when empty.
  mutating func oneOf(_ column: String, _ values: [Int32]) {
    if !values.isEmpty { add("\(sql: column) = ANY(\(values.map(Int64.init)))") }
  }

  /// `WHERE` and the conditions joined by `AND`; empty without conditions.
  var clause: PostgresStatement {
    var clause: PostgresStatement = ""
    for (index, condition) in conditions.enumerated() { clause.append(index == 0 ? "WHERE \(condition)" : " AND \(condition)") }
    return clause
  }

  /// How many rows of `table` pass.
  func count(in table: String, _ db: PostgresConnection) async throws -> Int {
    Int(try await db.value(Int64.self, "SELECT COUNT(*) FROM \(sql: table) \(clause)") ?? 0)
  }
}
