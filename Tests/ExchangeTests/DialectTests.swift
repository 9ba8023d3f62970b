import Exchange
import Foundation
import ReformModuleTesting
import ReformStore
import Testing

/// The exchange's SQLite and PostgreSQL migrations, applied to two empty stores, give the same
/// tables with the same columns, types and NULL rules — but for the counter rows, which only
/// PostgreSQL keeps (SQLite takes the next number from the table under its single writer), and
/// for attachment content and its objects, which are files in the data folder beside SQLite.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
struct DialectTests {
  @Test func bothDialectsMigrateToTheSameTablesAndColumns() async throws {
    let folder = try TemporaryFolder("exchange-dialects")
    let sqlite = StoreLocation.sqlite(path: folder.file("reform.sqlite"))
    let url = try #require(ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"])
    let schema = "exchange_shape_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
    let postgres = StoreLocation.postgres(try PostgresSettings(url: url), schema: schema)
    for location in [sqlite, postgres] {
      // Migrations run when a store opens (SQLite) or before its first operation (PostgreSQL).
      let module = try ExchangeModule(store: location, dataDirectory: folder.file("exchange"))
      _ = try await module.organs.allUnits()
    }
    var postgresShape = try await TestStore.schemaShape(postgres, prefix: "exchange_")
    let counters = postgresShape.removeValue(forKey: "exchange_counters")
    #expect(counters != nil, "PostgreSQL keeps its counter rows in exchange_counters")
    let content = postgresShape.removeValue(forKey: "exchange_content")
    #expect(content != nil, "PostgreSQL keeps attachment content in exchange_content; SQLite's is files")
    let objects = postgresShape.removeValue(forKey: "exchange_content_objects")
    #expect(objects != nil, "PostgreSQL keeps a row per content-addressed content in exchange_content_objects")
    let sqliteShape = try await TestStore.schemaShape(sqlite, prefix: "exchange_")
    #expect(sqliteShape.keys.sorted() == postgresShape.keys.sorted())
    for table in sqliteShape.keys.sorted() {
      #expect(sqliteShape[table] == postgresShape[table], "\(table) differs between the dialects")
    }
    #expect(sqliteShape.count == 9)
  }
}
