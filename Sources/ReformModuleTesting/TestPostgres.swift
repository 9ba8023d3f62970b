import Foundation
import ReformStore
import Testing

/// The test PostgreSQL server that `REFORM_TEST_DATABASE_URL` names (`Deploy/postgres-scratch
/// start DIR` prints one), for the tests that need PostgreSQL whatever engine the run's other
/// stores are on: the dialects compared, workers racing on one database. Without it those
/// tests are skipped (``needsPostgres``).
public enum TestPostgres {
  /// The server's URL; nil when none is configured.
  public static var url: String? { ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] }

  /// A new schema on the server, named `<prefix>_` and 16 hex digits, as a store location:
  /// modules opened on it share its tables, as workers on several hosts share one database.
  public static func freshStore(_ prefix: String) throws -> StoreLocation {
    let settings = try PostgresSettings(url: try #require(url, "REFORM_TEST_DATABASE_URL"))
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    return .postgres(settings, schema: "\(prefix)_\(suffix)")
  }
}

extension Trait where Self == ConditionTrait {
  /// Runs the test only when a test PostgreSQL server is configured.
  public static var needsPostgres: Self {
    .enabled(if: TestPostgres.url != nil, "no test PostgreSQL server (REFORM_TEST_DATABASE_URL)")
  }
}
