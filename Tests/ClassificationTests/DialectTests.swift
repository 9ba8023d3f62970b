import Classification
import Foundation
import ReformModule
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

/// The classification store's SQLite and PostgreSQL migrations, applied to two empty stores,
/// give the same tables with the same columns, types and NULL rules — but for the counter rows,
/// which only PostgreSQL keeps (SQLite numbers runs and quota exceptions from the tables
/// themselves under its single writer).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
struct DialectTests {
  @Test func bothDialectsMigrateToTheSameTablesAndColumns() async throws {
    let folder = try TemporaryFolder("classification-dialects")
    let sqlite = StoreLocation.sqlite(path: folder.file("reform.sqlite"))
    let postgres = try TestPostgres.freshStore("classification_shape")
    for location in [sqlite, postgres] {
      // Migrations run when a store opens (SQLite) or before its first operation (PostgreSQL).
      let bed = try TestBed(folder: folder, store: location)
      _ = try await bed.call(ClassificationService.ListRuleSets.self, ClassificationListRuleSetsRequest())
    }
    var postgresShape = try await TestStore.schemaShape(postgres, prefix: "classification_")
    let counters = postgresShape.removeValue(forKey: "classification_counters")
    #expect(counters != nil, "PostgreSQL keeps its counter rows in classification_counters")
    let sqliteShape = try await TestStore.schemaShape(sqlite, prefix: "classification_")
    #expect(sqliteShape.keys.sorted() == postgresShape.keys.sorted())
    for table in sqliteShape.keys.sorted() {
      #expect(sqliteShape[table] == postgresShape[table], "\(table) differs between the dialects")
    }
    #expect(sqliteShape.count == 8)
  }
}
