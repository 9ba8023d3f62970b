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

  /// The number of rows in each table of `location` whose name starts with `prefix`; on
  /// PostgreSQL the counter rows, which only that engine keeps, are left out.
  public static func rowCounts(_ location: StoreLocation, prefix: String) async throws -> [String: Int] {
    switch location {
    case .sqlite(let path):
      return try SQLiteRowCounts.count(path: path, prefix: prefix)
    case .postgres(let settings, let schema):
      let schema = schema ?? prefix
      let store = try PostgresStore(
        settings: settings, name: "test", schema: schema, migrations: PostgresMigrations(module: "test"))
      defer { store.close() }
      return try await store.read { db in
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
}
