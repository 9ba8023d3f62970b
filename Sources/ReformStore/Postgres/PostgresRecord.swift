import Foundation
import PostgresNIO
import Synchronization

/// The ``SnakeCaseRecord`` structs of a module, read from and written to PostgreSQL rows by
/// their `Codable` conformance, column by column (`docSeq` is `doc_seq`): one record type
/// serves both engines, and no PostgreSQL store spells a record's columns out.
///
/// Columns are PostgreSQL's counterparts of the SQLite ones: `BIGINT` for integers (a `Bool`
/// is 0 or 1, as GRDB writes it), `TEXT`, `BYTEA` for blobs, `DOUBLE PRECISION` for reals.
///
/// ```swift
/// let documents = try await connection.query("SELECT * FROM exchange_documents WHERE doc_seq = \(seq)", logger: logger)
///   .records(DocumentRecord.self)
/// let docSeq = try await connection.insert(document, into: "exchange_documents", returning: "doc_seq")
/// ```
public enum PostgresRecord {
  /// The snake-case column of a camel-case property name (ASCII, as Swift property names
  /// here are), worked out once per name: a reload of a hundred thousand rows asks for each
  /// column of each row.
  static func column(_ key: String) -> String {
    if let known = columnNames.withLock({ $0[key] }) { return known }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(key.utf8.count + 4)
    for byte in key.utf8 {
      if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
        bytes.append(UInt8(ascii: "_"))
        bytes.append(byte + 32)
      } else {
        bytes.append(byte)
      }
    }
    let column = String(decoding: bytes, as: UTF8.self)
    columnNames.withLock { $0[key] = column }
    return column
  }

  /// The columns of the property names met so far.
  private static let columnNames = Mutex<[String: String]>([:])

  /// `value`'s columns with their values, as `INSERT` and `UPDATE` bind them; a nil optional
  /// is left out (its column keeps its default, NULL) unless `withNulls`.
  public static func columns<T: Encodable>(of value: T, withNulls: Bool = false) throws -> [(String, PostgresValue)] {
    let encoder = ColumnEncoder(withNulls: withNulls)
    try value.encode(to: encoder)
    return encoder.box.columns
  }
}

extension PostgresRowSequence {
  /// Every row, decoded as `T`.
  public func records<T: Decodable>(_ type: T.Type) async throws -> [T] {
    var records: [T] = []
    var columns: ColumnIndex?
    for try await row in self {
      let row = row.makeRandomAccess()
      let index = columns ?? ColumnIndex(row)
      columns = index
      records.append(try T(from: RowDecoder(row: row, columns: index)))
    }
    return records
  }

  /// The first row's first column, decoded as `T`; nil when there is no row.
  public func first<T: PostgresDecodable>(_ type: T.Type) async throws -> T? {
    for try await row in self { return try row.decode(T.self) }
    return nil
  }
}

extension PostgresConnection {
  /// Inserts `record` into `table` and returns the column `returning` of the new row (a key the
  /// database assigned).
  @discardableResult
  public func insert<T: Encodable>(_ record: T, into table: String, returning: String? = nil) async throws -> Int64? {
    let columns = try PostgresRecord.columns(of: record)
    var statement = PostgresStatement(stringLiteral: "INSERT INTO \(table) (\(columns.map(\.0).joined(separator: ", "))) VALUES (")
    for (index, column) in columns.enumerated() {
      if index > 0 { statement.append(", ") }
      statement.bind(value: column.1)
    }
    statement.append(")")
    guard let returning else {
      try await execute(statement)
      return nil
    }
    statement.append(PostgresStatement(stringLiteral: " RETURNING \(returning)"))
    return try await value(Int64.self, statement)
  }

  /// Writes every column of `record` (NULL for a nil optional) over the row of `table` whose
  /// `key` column equals `record`'s.
  public func update<T: Encodable>(_ record: T, in table: String, key: String) async throws {
    let columns = try PostgresRecord.columns(of: record, withNulls: true)
    guard let keyValue = columns.first(where: { $0.0 == key }) else { throw PostgresRecordError.noKey(key) }
    var statement = PostgresStatement(stringLiteral: "UPDATE \(table) SET ")
    for (index, column) in columns.filter({ $0.0 != key }).enumerated() {
      statement.append(PostgresStatement(stringLiteral: (index > 0 ? ", " : "") + column.0 + " = "))
      statement.bind(value: column.1)
    }
    statement.append(PostgresStatement(stringLiteral: " WHERE \(key) = "))
    statement.bind(value: keyValue.1)
    try await execute(statement)
  }
}

/// A record that cannot be written as asked.
public enum PostgresRecordError: Error, CustomStringConvertible {
  case noKey(String)
  case unsupported(String)

  public var description: String {
    switch self {
    case .noKey(let key): "the record has no value for its key column \(key)"
    case .unsupported(let what): "a record's value of type \(what) has no PostgreSQL column type here"
    }
  }
}

/// One value bound to a statement's placeholder.
public enum PostgresValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case text(String)
  case real(Double)
  case bytes(Data)
  case integers([Int64])
  case texts([String])

  func bind(into binds: inout PostgresBindings) throws {
    switch self {
    case .null: binds.appendNull()
    case .integer(let value): binds.append(value)
    case .text(let value): binds.append(value)
    case .real(let value): binds.append(value)
    case .bytes(let value): try binds.append(value)
    case .integers(let value): binds.append(value)
    case .texts(let value): binds.append(value)
    }
  }
}

/// What a statement's placeholder can take directly.
public protocol PostgresBindable {
  var postgresValue: PostgresValue { get }
}

extension Int64: PostgresBindable { public var postgresValue: PostgresValue { .integer(self) } }
extension Int: PostgresBindable { public var postgresValue: PostgresValue { .integer(Int64(self)) } }
extension String: PostgresBindable { public var postgresValue: PostgresValue { .text(self) } }
extension Double: PostgresBindable { public var postgresValue: PostgresValue { .real(self) } }
extension Bool: PostgresBindable { public var postgresValue: PostgresValue { .integer(self ? 1 : 0) } }
extension Data: PostgresBindable { public var postgresValue: PostgresValue { .bytes(self) } }
extension Array: PostgresBindable where Element: PostgresBindable {
  /// Text elements bind as `text[]`, any other as `bigint[]` (for `= ANY($n)`).
  public var postgresValue: PostgresValue {
    if Element.self == String.self { return .texts(compactMap { $0 as? String }) }
    return .integers(map(\.postgresValue).compactMap { value in if case .integer(let integer) = value { integer } else { nil } })
  }
}
extension Optional: PostgresBindable where Wrapped: PostgresBindable {
  public var postgresValue: PostgresValue { self?.postgresValue ?? .null }
}

/// SQL whose values travel apart from its text, written as GRDB's SQL literals are: each
/// interpolated value becomes a placeholder, `\(sql: …)` inserts trusted text, and a statement
/// interpolated into another keeps its own values. Placeholders are numbered `$1, $2 …` only
/// when the statement runs, so pieces combine in any order.
///
/// ```swift
/// var filter: PostgresStatement = "d.receiver_unit = \(unit)"
/// if let year { filter.append(" AND d.arrival_year = \(year)") }
/// let rows = try await connection.records(DeliveryRecord.self, "SELECT d.* FROM exchange_deliveries d WHERE \(filter)")
/// ```
public struct PostgresStatement: Sendable, ExpressibleByStringInterpolation {
  /// Stands for a placeholder in ``text`` until the statement runs; never part of SQL we write.
  private static let marker: Character = "\u{0}"

  fileprivate private(set) var text: String
  public private(set) var values: [PostgresValue] = []

  public init(stringLiteral value: String) {
    text = value
  }

  public init(stringInterpolation: StringInterpolation) {
    text = stringInterpolation.statement.text
    values = stringInterpolation.statement.values
  }

  public struct StringInterpolation: StringInterpolationProtocol {
    fileprivate var statement = PostgresStatement(stringLiteral: "")

    public init(literalCapacity: Int, interpolationCount: Int) {}

    public mutating func appendLiteral(_ literal: String) { statement.text += literal }

    /// A value, as a placeholder.
    public mutating func appendInterpolation(_ value: some PostgresBindable) { statement.bind(value: value.postgresValue) }

    /// A value or NULL, as a placeholder.
    public mutating func appendInterpolation<V: PostgresBindable>(_ value: V?) { statement.bind(value: value.postgresValue) }

    /// Trusted SQL text (a table name, a direction), never a value from a request.
    public mutating func appendInterpolation(sql: String) { statement.text += sql }

    /// Another statement, with its values.
    public mutating func appendInterpolation(_ other: PostgresStatement) { statement.append(other) }
  }

  /// Appends `other`, with its values.
  public mutating func append(_ other: PostgresStatement) {
    text += other.text
    values += other.values
  }

  /// Appends a placeholder for `value`.
  public mutating func bind(value: PostgresValue) {
    values.append(value)
    text.append(Self.marker)
  }

  /// The SQL with its placeholders numbered.
  public var sql: String {
    var sql = ""
    var index = 0
    for character in text {
      if character == Self.marker {
        index += 1
        sql += "$\(index)"
      } else {
        sql.append(character)
      }
    }
    return sql
  }

  /// The statement as postgres-nio runs it.
  public func query() throws -> PostgresQuery {
    var binds = PostgresBindings(capacity: values.count)
    for value in values { try value.bind(into: &binds) }
    return PostgresQuery(unsafeSQL: sql, binds: binds)
  }
}

extension PostgresConnection {
  /// Runs `statement`, discarding any rows.
  public func execute(_ statement: PostgresStatement) async throws {
    try await query(try statement.query(), logger: PostgresStore.queryLogger)
  }

  /// Every row of `statement`, decoded as `T` (see ``PostgresRecord``).
  public func records<T: Decodable>(_ type: T.Type, _ statement: PostgresStatement) async throws -> [T] {
    try await query(try statement.query(), logger: PostgresStore.queryLogger).records(T.self)
  }

  /// The first row of `statement`, decoded as `T`; nil when there is none.
  public func record<T: Decodable>(_ type: T.Type, _ statement: PostgresStatement) async throws -> T? {
    try await records(T.self, statement).first
  }

  /// The first column of the first row of `statement`; nil when there is no row.
  public func value<T: PostgresDecodable>(_ type: T.Type, _ statement: PostgresStatement) async throws -> T? {
    try await query(try statement.query(), logger: PostgresStore.queryLogger).first(T.self)
  }

  /// The rows of `statement`, each as a random-access row.
  public func rows(_ statement: PostgresStatement) async throws -> [PostgresRandomAccessRow] {
    var rows: [PostgresRandomAccessRow] = []
    for try await row in try await query(try statement.query(), logger: PostgresStore.queryLogger) {
      rows.append(row.makeRandomAccess())
    }
    return rows
  }
}

// MARK: - Decoding a row

/// Where each property's column is in the rows of one result, worked out at the first row
/// that asks for it: every later row of the result finds its cells by position, without
/// hashing column names a cell at a time.
private final class ColumnIndex {
  private var byColumn: [String: Int] = [:]
  /// A property's position, -1 when the result has no column for it.
  private var byProperty: [String: Int] = [:]

  init(_ row: PostgresRandomAccessRow) {
    // A name twice (a join's `*`) is the last column of that name, as postgres-nio's lookup by
    // name gives.
    for position in 0..<row.count { byColumn[row[position].columnName] = position }
  }

  func position(of property: String) -> Int? {
    if let known = byProperty[property] { return known < 0 ? nil : known }
    let position = byColumn[PostgresRecord.column(property)] ?? -1
    byProperty[property] = position
    return position < 0 ? nil : position
  }
}

private struct RowDecoder: Decoder {
  let row: PostgresRandomAccessRow
  let columns: ColumnIndex
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(RowContainer<Key>(row: row, columns: columns))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a row is keyed"))
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "a row is keyed"))
  }
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let row: PostgresRandomAccessRow
  let columns: ColumnIndex
  var codingPath: [any CodingKey] { [] }
  var allKeys: [Key] { (0..<row.count).compactMap { Key(stringValue: row[$0].columnName) } }

  func contains(_ key: Key) -> Bool { columns.position(of: key.stringValue) != nil }

  func cell(_ key: Key) throws -> PostgresCell {
    guard let position = columns.position(of: key.stringValue) else {
      throw DecodingError.keyNotFound(
        key, .init(codingPath: [key], debugDescription: "no column \(PostgresRecord.column(key.stringValue))"))
    }
    return row[position]
  }

  func decodeNil(forKey key: Key) throws -> Bool { try cell(key).bytes == nil }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try CellDecoder(cell: try cell(key), codingPath: [key]).decode(T.self)
  }

  func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
    throw DecodingError.typeMismatch(N.self, .init(codingPath: [key], debugDescription: "a column holds one value"))
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "a column holds one value"))
  }

  func superDecoder() throws -> any Decoder { throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "no super")) }
  func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder() }
}

/// One column's value, as the single value a property (or a raw-value enum) decodes from.
private struct CellDecoder: Decoder, SingleValueDecodingContainer {
  let cell: PostgresCell
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    throw DecodingError.typeMismatch(Key.self, .init(codingPath: codingPath, debugDescription: "a column holds one value"))
  }
  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a column holds one value"))
  }
  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  func decodeNil() -> Bool { cell.bytes == nil }
  func decode(_ type: Bool.Type) throws -> Bool {
    if cell.dataType == .bool { return try cell.decode(Bool.self) }
    return try cell.decode(Int64.self) != 0
  }
  func decode(_ type: String.Type) throws -> String { try cell.decode(String.self) }
  func decode(_ type: Double.Type) throws -> Double { try cell.decode(Double.self) }
  func decode(_ type: Float.Type) throws -> Float { Float(try cell.decode(Double.self)) }
  func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
  func decode(_ type: Int64.Type) throws -> Int64 { try cell.decode(Int64.self) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if type == Data.self { return try cell.decode(Data.self) as! T }
    return try T(from: self)
  }

  private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
    let value = try cell.decode(Int64.self)
    guard let exact = I(exactly: value) else {
      throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(value) does not fit \(I.self)"))
    }
    return exact
  }
}

// MARK: - Encoding a record's columns

private final class ColumnBox {
  var columns: [(String, PostgresValue)] = []
}

private struct ColumnEncoder: Encoder {
  let withNulls: Bool
  let box = ColumnBox()
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(ColumnContainer<Key>(box: box, withNulls: withNulls))
  }
  func unkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("a record encodes as keyed columns") }
  func singleValueContainer() -> any SingleValueEncodingContainer { fatalError("a record encodes as keyed columns") }
}

private struct ColumnContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: ColumnBox
  let withNulls: Bool
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws {
    box.columns.append((PostgresRecord.column(key.stringValue), .null))
  }

  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else if withNulls { try encodeNil(forKey: key) }
  }

  // The protocol's default for each of these skips a nil without a word: each is spelt out so
  // that an update writes NULL for it (`withNulls`).
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
  mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

  private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
    if let value { try encode(value, forKey: key) } else if withNulls { try encodeNil(forKey: key) }
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    let cell = CellEncoder()
    try cell.encode(value)
    guard let single = cell.box.value else { throw PostgresRecordError.unsupported("\(T.self)") }
    box.columns.append((PostgresRecord.column(key.stringValue), single))
  }

  mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
    fatalError("a column holds one value")
  }
  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { fatalError("a column holds one value") }
  mutating func superEncoder() -> any Encoder { fatalError("no super") }
  mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError("no super") }
}

private final class ValueBox {
  var value: PostgresValue?
}

/// One property's value as one bind (a raw-value enum encodes its raw value through here).
private struct CellEncoder: Encoder, SingleValueEncodingContainer {
  let box = ValueBox()
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { fatalError("a column holds one value") }
  func unkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("a column holds one value") }
  func singleValueContainer() -> any SingleValueEncodingContainer { self }

  func encodeNil() throws { box.value = .null }
  func encode(_ value: Bool) throws { box.value = .integer(value ? 1 : 0) }
  func encode(_ value: String) throws { box.value = .text(value) }
  func encode(_ value: Double) throws { box.value = .real(value) }
  func encode(_ value: Float) throws { box.value = .real(Double(value)) }
  func encode(_ value: Int) throws { box.value = .integer(Int64(value)) }
  func encode(_ value: Int8) throws { box.value = .integer(Int64(value)) }
  func encode(_ value: Int16) throws { box.value = .integer(Int64(value)) }
  func encode(_ value: Int32) throws { box.value = .integer(Int64(value)) }
  func encode(_ value: Int64) throws { box.value = .integer(value) }
  func encode(_ value: UInt) throws { box.value = .integer(try exact(value)) }
  func encode(_ value: UInt8) throws { box.value = .integer(Int64(value)) }
  func encode(_ value: UInt16) throws { box.value = .integer(Int64(value)) }
  func encode(_ value: UInt32) throws { box.value = .integer(Int64(value)) }
  func encode(_ value: UInt64) throws { box.value = .integer(try exact(value)) }

  func encode<T: Encodable>(_ value: T) throws {
    if let data = value as? Data {
      box.value = .bytes(data)
    } else {
      try value.encode(to: self)
    }
  }

  private func exact<I: FixedWidthInteger>(_ value: I) throws -> Int64 {
    guard let exact = Int64(exactly: value) else { throw PostgresRecordError.unsupported("\(I.self) \(value) past Int64") }
    return exact
  }
}
