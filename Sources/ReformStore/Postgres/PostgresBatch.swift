import Foundation
import PostgresNIO

extension PostgresConnection {
  /// How many rows one batch statement carries at the most.
  public static let batchRows = 5_000

  /// Writes `records` into `table` a few thousand at a time, each batch one statement whose
  /// rows travel as one JSON document (`jsonb_populate_recordset` over the table's own row
  /// type), not one round trip a row: what an import of a hundred thousand people needs.
  ///
  /// Columns are the records' property names in snake case, as ``PostgresRecord`` names them; a
  /// nil optional is NULL. With `key` (the primary key's columns), a row whose key is stored
  /// already replaces every other column of it.
  public func insert<T: Encodable>(contentsOf records: [T], into table: String, replacingOn key: [String]? = nil) async throws {
    guard let first = records.first else { return }
    let columns = try PostgresRecord.columns(of: first, withNulls: true).map(\.0)
    let list = columns.joined(separator: ", ")
    let sql = "INSERT INTO \(table) (\(list)) SELECT \(list) FROM jsonb_populate_recordset(NULL::\(table), "
    var tail = ")"
    if let key {
      let others = columns.filter { !key.contains($0) }
      tail += " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET "
        + others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    var start = 0
    while start < records.count {
      let batch = records[start..<min(start + Self.batchRows, records.count)]
      let json = String(decoding: try encoder.encode(Array(batch)), as: UTF8.self)
      var statement = PostgresStatement(stringLiteral: sql)
      statement.append("\(json)::jsonb")
      statement.append(PostgresStatement(stringLiteral: tail))
      try await execute(statement)
      start += Self.batchRows
    }
  }
}
