import Foundation
import ReformStore
import Testing

/// SQL built from pieces keeps its values apart from its text: every interpolated value is a
/// placeholder numbered in the order it appears in the finished statement, trusted text goes
/// in as written, and a record's properties become snake-case columns with the values GRDB
/// would write on SQLite.
@Suite struct PostgresStatementTests {
  @Test func placeholdersAreNumberedInOrderAcrossPieces() {
    let unit = "u1"
    let year = 2026
    var statement: PostgresStatement = "SELECT * FROM t WHERE unit = \(unit)"
    statement.append(" AND year = \(year)")
    statement.append(" AND seq > \(Int64(7)) LIMIT \(10)")
    #expect(statement.sql == "SELECT * FROM t WHERE unit = $1 AND year = $2 AND seq > $3 LIMIT $4")
    #expect(statement.values == [.text("u1"), .integer(2026), .integer(7), .integer(10)])
  }

  @Test func aNestedStatementKeepsItsValuesInPlace() {
    var filter: PostgresStatement = "a = \("x")"
    filter.append(" AND b = \(2)")
    let statement: PostgresStatement = "SELECT \(true) FROM t WHERE \(filter) AND c = \(3.5) OR (\(filter))"
    #expect(statement.sql == "SELECT $1 FROM t WHERE a = $2 AND b = $3 AND c = $4 OR (a = $5 AND b = $6)")
    #expect(statement.values == [.integer(1), .text("x"), .integer(2), .real(3.5), .text("x"), .integer(2)])
  }

  @Test func trustedTextGoesInAsWritten() {
    let table = "exchange_documents"
    let statement: PostgresStatement = "SELECT * FROM \(sql: table) WHERE id = \(5) ORDER BY \(sql: "seq DESC")"
    #expect(statement.sql == "SELECT * FROM exchange_documents WHERE id = $1 ORDER BY seq DESC")
    #expect(statement.values == [.integer(5)])
  }

  @Test func optionalsBytesAndArraysBindAsTheirPostgresValues() {
    let none: String? = nil
    let some: Int? = 4
    let statement: PostgresStatement =
      "\(none) \(some) \(Data([1, 2])) \(["a", "b"]) \([Int64(1), 2]) \(PostgresStatement(stringLiteral: "$literal"))"
    #expect(statement.sql == "$1 $2 $3 $4 $5 $literal")
    #expect(statement.values == [.null, .integer(4), .bytes(Data([1, 2])), .texts(["a", "b"]), .integers([1, 2])])
  }

  @Test func aStatementWithoutValuesIsItsText() throws {
    let statement: PostgresStatement = "SELECT 1"
    #expect(statement.sql == "SELECT 1")
    #expect(statement.values.isEmpty)
    #expect(try statement.query().sql == "SELECT 1")
  }

  /// A record of every kind of property a module's records have.
  struct Sample: Codable, Equatable {
    enum Priority: Int, Codable { case low = 1, high = 2 }
    enum Channel: String, Codable { case post, email }

    var sampleId: Int64?
    var title: String
    var note: String?
    var pageCount: Int
    var isUrgent: Bool
    var payload: Data
    var priority: Priority
    var channel: Channel
  }

  static let sample = Sample(
    sampleId: nil, title: "Công văn", note: nil, pageCount: 3, isUrgent: true, payload: Data([0, 255, 7]),
    priority: .high, channel: .email)

  @Test func aRecordsColumnsAreItsPropertiesInSnakeCase() throws {
    let columns = try PostgresRecord.columns(of: Self.sample)
    #expect(columns.map(\.0) == ["title", "page_count", "is_urgent", "payload", "priority", "channel"])
    #expect(
      columns.map(\.1) == [.text("Công văn"), .integer(3), .integer(1), .bytes(Data([0, 255, 7])), .integer(2), .text("email")])
  }

  @Test
  func nilOptionalsAreNullColumnsWhenAskedFor() throws {
    let columns = try PostgresRecord.columns(of: Self.sample, withNulls: true)
    #expect(columns.map(\.0) == ["sample_id", "title", "note", "page_count", "is_urgent", "payload", "priority", "channel"])
    #expect(columns[0].1 == .null)
    #expect(columns[2].1 == .null)
  }

  @Test func presentOptionalsAreColumns() throws {
    var filled = Self.sample
    filled.sampleId = 12
    filled.note = "ghi chú"
    filled.isUrgent = false
    let both = try PostgresRecord.columns(of: filled)
    #expect(both.map(\.0) == ["sample_id", "title", "note", "page_count", "is_urgent", "payload", "priority", "channel"])
    #expect(both[0].1 == .integer(12))
    #expect(both[2].1 == .text("ghi chú"))
    #expect(both[4].1 == .integer(0))
  }
}
