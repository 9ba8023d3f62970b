import Foundation
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import Inspection

/// The inspection store's SQLite and PostgreSQL migrations, applied to two empty stores, give
/// the same tables with the same columns, types and NULL rules — but for the counter rows,
/// which only PostgreSQL keeps, and for times, which SQLite keeps as GRDB's text dates and
/// PostgreSQL as microseconds since 1970.
@Suite("Dialects", .needsPostgres)
struct DialectTests {
  /// The columns that hold times: `DATETIME` on SQLite, `BIGINT` on PostgreSQL.
  static let times: Set<String> = [
    "inspection_calendar_notice.loaded_at", "inspection_programme.created_at",
    "inspection_programme_version.created_at", "inspection_idempotency.created_at",
  ]

  @Test func bothDialectsMigrateToTheSameTablesAndColumns() async throws {
    let folder = try TemporaryFolder("inspection-dialects")
    let sqlite = StoreLocation.sqlite(path: folder.file("reform.sqlite"))
    let postgres = try TestPostgres.freshStore("inspection_shape")
    for location in [sqlite, postgres] {
      // Migrations run when a store opens (SQLite) or before its first operation (PostgreSQL).
      let module = try Harness(folder: folder, store: location)
      _ = try await module.call(InspectionService.GetCalendar.self, .init(year: 2026))
    }
    var postgresShape = try await TestStore.schemaShape(postgres, prefix: "inspection_")
    let counters = postgresShape.removeValue(forKey: "inspection_counters")
    #expect(counters != nil, "PostgreSQL keeps its counter rows in inspection_counters")
    var sqliteShape = try await TestStore.schemaShape(sqlite, prefix: "inspection_")
    var times: Set<String> = []
    for (table, columns) in sqliteShape {
      for (column, type) in columns where type.hasPrefix("datetime") {
        times.insert("\(table).\(column)")
        sqliteShape[table]?[column] = "bigint" + type.dropFirst("datetime".count)
      }
    }
    #expect(times == Self.times)
    #expect(sqliteShape.keys.sorted() == postgresShape.keys.sorted())
    for table in sqliteShape.keys.sorted() {
      #expect(sqliteShape[table] == postgresShape[table], "\(table) differs between the dialects")
    }
    #expect(sqliteShape.count == 5)
  }
}
