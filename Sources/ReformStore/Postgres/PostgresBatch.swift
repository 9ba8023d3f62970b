import Foundation
import PostgresNIO

extension PostgresConnection {
  /// Writes `records` into `table`, in the transaction the connection is in: streamed with
  /// `COPY … FROM STDIN` into a temporary table of the same columns (dropped at commit), then
  /// moved in with one `INSERT … SELECT` — four statements whatever the number of rows, not a
  /// round trip a row: what an import of a hundred thousand people needs.
  ///
  /// Columns are the records' property names in snake case and values are bound as
  /// ``PostgresRecord`` binds them (a nil optional is NULL, a `Bool` 0 or 1). With `key` (the
  /// primary key's columns), a row whose key is stored already replaces every other column of
  /// it; the rows of one call must then have distinct keys.
  public func insert<T: Encodable>(contentsOf records: [T], into table: String, replacingOn key: [String]? = nil) async throws {
    guard let first = records.first else { return }
    let columns = try PostgresRecord.columns(of: first, withNulls: true).map(\.0)
    var conflict = ""
    if let key {
      let others = columns.filter { !key.contains($0) }
      conflict = " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET "
        + others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
    try await copy(records, columns: columns, into: table, conflict: conflict)
  }

  /// `records` through `COPY` into a temporary table dropped at commit, then into `table`.
  private func copy<T: Encodable>(_ records: [T], columns: [String], into table: String, conflict: String) async throws {
    let staging = "reform_copy_" + table
    let list = columns.joined(separator: ", ")
    try await execute(
      PostgresStatement(
        stringLiteral: "CREATE TEMPORARY TABLE \(staging) ON COMMIT DROP AS SELECT \(list) FROM \(table) WITH NO DATA"))
    try await copyFrom(table: staging, columns: columns, logger: PostgresStore.queryLogger) { writer in
      var buffer = ByteBuffer()
      for record in records {
        for (index, column) in try PostgresRecord.columns(of: record, withNulls: true).enumerated() {
          if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
          try PostgresCopyText.write(column.1, into: &buffer)
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
        if buffer.readableBytes >= 1 << 20 {
          try await writer.write(buffer)
          buffer.clear()
        }
      }
      if buffer.readableBytes > 0 { try await writer.write(buffer) }
    }
    try await execute(PostgresStatement(stringLiteral: "INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(staging)" + conflict))
    try await execute(PostgresStatement(stringLiteral: "DROP TABLE \(staging)"))
  }
}

/// Values in `COPY`'s text format: `\N` for NULL, a backslash, tab, newline or carriage return
/// escaped with a backslash, bytes as `\\x` and hex.
enum PostgresCopyText {
  static func write(_ value: PostgresValue, into buffer: inout ByteBuffer) throws {
    switch value {
    case .null: buffer.writeString("\\N")
    case .integer(let integer): buffer.writeString(String(integer))
    case .real(let real): buffer.writeString(real.description)
    case .text(let text):
      for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\\"): buffer.writeString("\\\\")
        case UInt8(ascii: "\t"): buffer.writeString("\\t")
        case UInt8(ascii: "\n"): buffer.writeString("\\n")
        case UInt8(ascii: "\r"): buffer.writeString("\\r")
        default: buffer.writeInteger(byte)
        }
      }
    case .bytes(let bytes):
      buffer.writeString("\\\\x")
      let digits = Array("0123456789abcdef".utf8)
      for byte in bytes {
        buffer.writeInteger(digits[Int(byte >> 4)])
        buffer.writeInteger(digits[Int(byte & 0x0f)])
      }
    case .integers, .texts:
      throw PostgresRecordError.unsupported("an array column in COPY")
    }
  }
}
