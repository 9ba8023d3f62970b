import Foundation
import ReformStore

extension TestStore {
  /// Why a test that needs the test PostgreSQL server could not have it.
  public struct NoTestServer: Error, CustomStringConvertible {
    public var description: String { "no test PostgreSQL server: set REFORM_TEST_DATABASE_URL (Deploy/postgres-scratch start DIR prints one)" }
  }

  /// A new schema on the test server, named `<prefix>_` and 16 hex digits, whatever engine the
  /// run's other stores are on: stores opened on it share its tables, as processes on several
  /// hosts share one database.
  ///
  /// - Throws: ``NoTestServer`` without `REFORM_TEST_DATABASE_URL`.
  public static func freshPostgres(_ prefix: String) throws -> StoreLocation {
    guard let url = ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] else { throw NoTestServer() }
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    return .postgres(try PostgresSettings(url: url), schema: "\(prefix)_\(suffix)")
  }

  /// Rewrites the time columns of a SQLite ``schemaShape(_:prefix:)`` (GRDB's `DATETIME` text)
  /// as the `BIGINT` microseconds PostgreSQL keeps, and returns them as `table.column`, so that
  /// the two dialects' shapes compare equal.
  public static func timesAsMicroseconds(_ shape: inout [String: [String: String]]) -> Set<String> {
    var times: Set<String> = []
    for (table, columns) in shape {
      for (column, type) in columns where type.hasPrefix("datetime") {
        times.insert("\(table).\(column)")
        shape[table]?[column] = "bigint" + type.dropFirst("datetime".count)
      }
    }
    return times
  }
}
