import Foundation
import ReformStore
import Testing

/// The PostgreSQL server the store tests run against when `REFORM_TEST_DATABASE_URL` names one
/// (`Deploy/postgres-scratch start DIR` prints a URL); without it those tests are skipped.
///
/// Each test takes a schema of its own with a random name, so tests running in parallel, or
/// other runs on the same server, never meet each other's tables or locks.
enum PostgresTestServer {
  static var url: String? { ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] }

  /// The server's settings with a pool of `poolSize` connections per store.
  static func settings(poolSize: Int = 4) throws -> PostgresSettings {
    var settings = try PostgresSettings(url: try #require(url, "REFORM_TEST_DATABASE_URL"))
    settings.poolSize = poolSize
    return settings
  }

  /// A new schema name: `rs_t` and 16 hex digits.
  static func freshSchema() -> String {
    "rs_t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
  }

  /// A store on `schema` (a fresh one unless given) whose migrations are `migrations`.
  static func store(
    _ migrations: PostgresMigrations, schema: String = freshSchema(), poolSize: Int = 4
  ) throws -> PostgresStore {
    try PostgresStore(settings: settings(poolSize: poolSize), name: "test", schema: schema, migrations: migrations)
  }

  /// Migrations of the module `test` that create `tables` (one statement each), as `test.v1.<n>`.
  static func migrations(_ tables: [String: String]) -> PostgresMigrations {
    var migrations = PostgresMigrations(module: "test")
    for (name, statement) in tables.sorted(by: { $0.key < $1.key }) { migrations.register(1, name, [statement]) }
    return migrations
  }

  /// Runs `body` with a store on a fresh schema, then drops the schema and closes the store:
  /// the server keeps nothing of a test.
  static func withStore<T>(
    _ migrations: PostgresMigrations, poolSize: Int = 4, _ body: (PostgresStore) async throws -> T
  ) async throws -> T {
    let store = try store(migrations, poolSize: poolSize)
    do {
      let result = try await body(store)
      await dispose(store)
      return result
    } catch {
      await dispose(store)
      throw error
    }
  }

  /// Drops the store's schema and closes it.
  static func dispose(_ store: PostgresStore) async {
    _ = try? await store.write { db in try await db.execute("DROP SCHEMA IF EXISTS \(sql: store.schema) CASCADE") }
    store.close()
  }
}

extension Trait where Self == ConditionTrait {
  /// Runs the test only when a test PostgreSQL server is configured.
  static var needsPostgres: Self {
    .enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server")
  }
}
