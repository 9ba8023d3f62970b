import Foundation
import GRDB
import ReformModuleTesting
import ReformStore
import Testing

/// A client of the database that is not a store, as an operator's `sqlite3` or `psql` is.
enum RawSQL {
  /// Runs `sql` on `location` as any client of the database could, outside the stores, and
  /// returns the database's refusal as text; nil when it was not refused.
  static func refusal(of sql: String, on location: StoreLocation) async -> String? {
    switch location {
    case .sqlite(let path):
      do {
        let raw = try DatabaseQueue(path: path)
        try await raw.write { try $0.execute(sql: sql) }
        return nil
      } catch let error as DatabaseError {
        return error.message
      } catch {
        return "\(error)"
      }
    case .postgres(let settings, let schema):
      do {
        let raw = try PostgresStore(
          settings: settings, name: "raw", schema: schema ?? "security", migrations: PostgresMigrations(module: "raw"))
        defer { raw.close() }
        try await raw.write { db in try await db.execute(PostgresStatement(stringLiteral: sql)) }
        return nil
      } catch {
        return "\(error)"
      }
    }
  }
}
