import GRDB

/// The `WHERE` clause of a list's query, built one condition at a time with its arguments:
/// the filters every list of evaluations, runs and quota exceptions shares (the year, the
/// units the caller may see), then its own, then where the page starts.
struct RowFilter {
  private(set) var conditions: [String] = []
  private(set) var arguments = StatementArguments()

  /// Adds `condition`, whose placeholders take `values`.
  mutating func add(_ condition: String, _ values: StatementArguments = []) {
    conditions.append(condition)
    arguments += values
  }

  /// Rows of `year`; every year for 0.
  mutating func year(_ year: Int) {
    if year != 0 { add("year = ?", [year]) }
  }

  /// Rows whose `unit_code` is one of `units`; every unit for `nil`.
  mutating func units(_ units: Set<String>?) {
    if let units { add("unit_code IN (SELECT value FROM json_each(?))", [ClassificationStore.jsonArray(units.sorted())]) }
  }

  /// Rows whose `column` is one of `values` (proto numbers); every row when empty.
  mutating func oneOf(_ column: String, _ values: [Int32]) {
    if !values.isEmpty { add("\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))", StatementArguments(values)) }
  }

  /// `WHERE` and the conditions joined by `AND`; empty without conditions.
  var clause: String {
    conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
  }

  /// How many rows of `table` pass.
  func count(in table: String, _ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) \(clause)", arguments: arguments) ?? 0
  }
}
