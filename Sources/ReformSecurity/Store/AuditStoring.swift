/// What ``AuditLog`` asks of the engine that keeps its entries, each call one transaction.
/// Validation, and what an entry means, stay in ``AuditLog``, so that both engines answer
/// alike.
///
/// Both keep the log append-only in the database itself (an update, a delete or an insert that
/// leaves a gap is refused, whoever sends it) and number entries 1, 2, 3… without a gap.
///
/// ## Topics
/// - ``AuditSQLiteStore``: one coordinator's SQLite file, the embedded default.
/// - ``AuditPostgresStore``: a PostgreSQL schema that several coordinators share.
protocol AuditStoring: Sendable {
  /// Inserts `row` as the entry after the last one and returns the sequence it was given; a
  /// failed insert consumes no number.
  func append(_ row: AuditRow) async throws -> Int64

  /// One page of the entries matching `query`, in its order, with one more entry than the page
  /// holds when another page follows; and how many entries match in all.
  func entries(_ query: AuditQuery) async throws -> (rows: [AuditRow], total: Int)
}
