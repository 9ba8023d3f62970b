import Foundation
import Logging
import PostgresNIO
import ReformStore

/// Which engine a module's tests run their store on: SQLite by default; PostgreSQL when
/// `REFORM_TEST_STORE=postgres` and `REFORM_TEST_DATABASE_URL` names a server (as
/// `Deploy/test` does for its second run of the store and handler tests, on the throwaway
/// cluster it starts).
///
/// On PostgreSQL each test bed gets a schema of its own with a random name, so tests that run
/// in parallel never see each other's rows; the cluster is thrown away at the end of the run.
public enum TestStore {
  /// Whether this run's stores are on PostgreSQL.
  public static var isPostgres: Bool {
    ProcessInfo.processInfo.environment["REFORM_TEST_STORE"] == "postgres"
  }

  /// The test server's settings; nil unless the run is on PostgreSQL.
  ///
  /// Fails the run loudly when asked for PostgreSQL without a server, rather than passing on
  /// SQLite unnoticed.
  public static var postgresSettings: PostgresSettings? {
    guard isPostgres else { return nil }
    guard let url = ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] else {
      fatalError("REFORM_TEST_STORE=postgres needs REFORM_TEST_DATABASE_URL (Deploy/postgres-scratch start DIR prints one)")
    }
    do {
      return try PostgresSettings(url: url)
    } catch {
      fatalError("REFORM_TEST_DATABASE_URL: \(error)")
    }
  }

  /// A fresh store for `module`: the SQLite file `sqlitePath`, or on PostgreSQL a new schema
  /// named after the module.
  public static func fresh(module: String, sqlitePath: String) -> StoreLocation {
    guard let settings = postgresSettings else { return .sqlite(path: sqlitePath) }
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    return .postgres(settings, schema: "\(module)_t\(suffix)")
  }

  /// A new, empty database on the test server, for processes that are given a URL
  /// (`reformd worker --database-url`) and must not meet another test's rows; nil unless the
  /// test server is configured (`REFORM_TEST_DATABASE_URL`), whatever `REFORM_TEST_STORE` says.
  public static func freshDatabaseURL() async throws -> String? {
    guard let url = ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] else { return nil }
    let settings = try PostgresSettings(url: url)
    let client = PostgresClient(configuration: try settings.configuration(schema: "public"), backgroundLogger: Logger(label: "reform.test"))
    let running = Task { await client.run() }
    defer { running.cancel() }
    let name = "reform_t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
    let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
    return "postgres://\(settings.user)@\(host):\(settings.port)/\(name)"
  }

  /// The tables of `location` whose names start with `prefix`, each with its columns and their
  /// types in one vocabulary for both engines (SQLite's `INTEGER` is `bigint`, `BLOB` is
  /// `bytea`, `REAL` is `double precision`), and whether each may be NULL: what a test compares
  /// to find the two dialects' migrations apart.
  public static func schemaShape(_ location: StoreLocation, prefix: String) async throws -> [String: [String: String]] {
    switch location {
    case .sqlite(let path):
      return try SQLiteRowCounts.shape(path: path, prefix: prefix)
    case .postgres(let settings, let schema):
      let schema = schema ?? prefix
      return try await reading(settings, schema: schema) { db in
        var shape: [String: [String: String]] = [:]
        for row in try await db.rows(
          """
          SELECT table_name::text AS t, column_name::text AS c, data_type::text AS d, is_nullable::text AS n
          FROM information_schema.columns WHERE table_schema = \(schema)
          """)
        {
          let table = try row["t"].decode(String.self)
          guard table.hasPrefix(prefix) else { continue }
          let nullable = try row["n"].decode(String.self) == "YES"
          shape[table, default: [:]][try row["c"].decode(String.self)] = try row["d"].decode(String.self) + (nullable ? "" : " not null")
        }
        return shape
      }
    }
  }

  /// The number of rows in each table of `location` whose name starts with `prefix`; on
  /// PostgreSQL the counter rows, which only that engine keeps, are left out.
  public static func rowCounts(_ location: StoreLocation, prefix: String) async throws -> [String: Int] {
    switch location {
    case .sqlite(let path):
      return try SQLiteRowCounts.count(path: path, prefix: prefix)
    case .postgres(let settings, let schema):
      let schema = schema ?? prefix
      return try await reading(settings, schema: schema) { db in
        var counts: [String: Int] = [:]
        let tables = try await db.rows(
          "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = \(schema) ORDER BY 1")
        for row in tables {
          let table = try row["name"].decode(String.self)
          guard table.hasPrefix(prefix), !table.hasSuffix("_counters") else { continue }
          counts[table] = Int(try await db.value(Int64.self, PostgresStatement(stringLiteral: "SELECT COUNT(*) FROM \"\(table)\"")) ?? 0)
        }
        return counts
      }
    }
  }

  /// The first column of every row `sql` selects from `location`'s PostgreSQL schema, as text.
  public static func texts(_ location: StoreLocation, _ sql: String) async throws -> [String] {
    guard case .postgres(let settings, let schema) = location, let schema else { return [] }
    return try await reading(settings, schema: schema) { db in
      try await db.rows(PostgresStatement(stringLiteral: sql)).map { try $0[0].decode(String.self) }
    }
  }

  /// Runs `body` in one snapshot of `schema` on `settings`' server, through a store of its own
  /// that migrates nothing, and closes it.
  private static func reading<T: Sendable>(
    _ settings: PostgresSettings, schema: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    let store = try PostgresStore(settings: settings, name: "test", schema: schema, migrations: PostgresMigrations(module: "test"))
    defer { store.close() }
    return try await store.read(body)
  }
}
