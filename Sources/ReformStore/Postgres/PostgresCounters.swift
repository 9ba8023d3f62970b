import PostgresNIO

/// Numbers that must be gapless, or follow commit order, on PostgreSQL: counter rows locked and
/// advanced inside the transaction that uses their numbers (số đến per receiver and year, a
/// unit's Watch event number, a register's next entry).
///
/// A sequence would hand out numbers that a rolled-back transaction loses (a gap) and that
/// commit out of order (a reader could pass number 8 before 7 commits). A counter row does
/// neither: the transaction that takes a number holds the row's lock until it commits or rolls
/// back, so the next taker waits and then reads the committed value. ``lock(_:in:on:)`` locks
/// every row a transaction needs in one statement, in one order (counter, scope, year), so two
/// transactions that need the same rows never deadlock; missing rows are created at 0 first.
///
/// ```swift
/// var counters = try await PostgresCounters.lock(keys, in: "exchange_counters", on: connection)
/// let number = counters.next(CounterKey("arrival", organId, year: 2026))
/// try await counters.save(on: connection)
/// ```
public struct PostgresCounters: Sendable {
  /// One counter row: what it counts, whose, and the year it restarts in (0 when it never does).
  public struct Key: Hashable, Comparable, Sendable {
    public var counter: String
    public var scope: String
    public var year: Int

    public init(_ counter: String, _ scope: String, year: Int = 0) {
      self.counter = counter
      self.scope = scope
      self.year = year
    }

    public static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.counter, lhs.scope, lhs.year) < (rhs.counter, rhs.scope, rhs.year)
    }
  }

  /// The statement that creates a module's counter table, for its first migration: one row per
  /// (counter, scope, year), the shape ``lock(_:in:on:)`` reads and writes.
  public static func createTable(_ table: String) -> String {
    """
    CREATE TABLE \(table) (
      counter TEXT NOT NULL,
      scope TEXT NOT NULL,
      year BIGINT NOT NULL,
      value BIGINT NOT NULL,
      PRIMARY KEY (counter, scope, year)
    )
    """
  }

  private let table: String
  private var values: [Key: Int64]
  private var changed: Set<Key> = []

  /// Locks the rows of `keys` in `table` until the transaction ends, creating missing ones at 0.
  public static func lock(_ keys: Set<Key>, in table: String, on connection: PostgresConnection) async throws
    -> PostgresCounters
  {
    let sorted = keys.sorted()
    var values: [Key: Int64] = [:]
    guard !sorted.isEmpty else { return PostgresCounters(table: table, values: values) }
    let counters = sorted.map(\.counter)
    let scopes = sorted.map(\.scope)
    let years = sorted.map { Int64($0.year) }
    try await connection.execute(
      """
      INSERT INTO \(sql: table) (counter, scope, year, value)
      SELECT c, s, y, 0 FROM unnest(\(counters)::text[], \(scopes)::text[], \(years)::bigint[]) AS k (c, s, y)
      ORDER BY c, s, y
      ON CONFLICT DO NOTHING
      """)
    for row in try await connection.rows(
      """
      SELECT counter, scope, year, value FROM \(sql: table)
      WHERE (counter, scope, year) IN (SELECT * FROM unnest(\(counters)::text[], \(scopes)::text[], \(years)::bigint[]))
      ORDER BY counter, scope, year
      FOR UPDATE
      """)
    {
      let key = Key(
        try row["counter"].decode(String.self), try row["scope"].decode(String.self),
        year: Int(try row["year"].decode(Int64.self)))
      values[key] = try row["value"].decode(Int64.self)
    }
    return PostgresCounters(table: table, values: values)
  }

  private init(table: String, values: [Key: Int64]) {
    self.table = table
    self.values = values
  }

  /// The next number of `key`, which must be one of the locked keys.
  public mutating func next(_ key: Key) -> Int64 {
    let value = (values[key] ?? 0) + 1
    values[key] = value
    changed.insert(key)
    return value
  }

  /// The last number `key` handed out (0 before any).
  public func current(_ key: Key) -> Int64 { values[key] ?? 0 }

  /// Writes the advanced counters back, in the same transaction.
  public func save(on connection: PostgresConnection) async throws {
    for key in changed.sorted() {
      try await connection.execute(
        """
        UPDATE \(sql: table) SET value = \(values[key] ?? 0)
        WHERE counter = \(key.counter) AND scope = \(key.scope) AND year = \(Int64(key.year))
        """)
    }
  }
}
