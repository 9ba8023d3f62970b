import Foundation
import GRDB

/// Where an ``IdempotencyLedger`` keeps its entries: the table and how its columns are named
/// and encoded.
///
/// A new module takes ``init(table:)`` and creates the table with ``createTable(in:)`` (or, on
/// PostgreSQL, ``createTableSQL(_:)``) in a migration. The four modules that kept their own
/// ledgers before keep their tables' names and columns, so their files keep working: each is
/// described once (``registry``, ``classification``, ``exchange``, ``inspection``) and created
/// from that description.
public struct IdempotencyLayout: Sendable, Hashable {
  /// How the time an entry was recorded is stored.
  public enum TimeEncoding: Sendable, Hashable {
    /// Seconds since 1970, as a real number.
    case seconds
    /// Whole milliseconds since 1970.
    case milliseconds
    /// Whole microseconds since 1970.
    case microseconds
    /// GRDB's text form of a `Date` (`yyyy-MM-dd HH:mm:ss.SSS`, UTC).
    case date
  }

  /// The table's name, e.g. `exchange_idempotency`.
  public var table: String
  /// The column holding ``IdempotencyClaim/scope``, or nil when keys have no scope.
  public var scopeColumn: String?
  /// The column holding the key.
  public var keyColumn: String
  /// Whether a key is one per method (method, scope, key) or one per caller across methods
  /// (scope, key), where a key reused for another method is refused.
  public var keyedByMethod: Bool
  /// Whether the fingerprint is stored as lowercase hex text rather than bytes.
  public var fingerprintAsHex: Bool
  /// The column holding when the entry was recorded.
  public var timeColumn: String
  /// How that time is stored.
  public var time: TimeEncoding

  /// A layout; the defaults are those of ``createTable(in:)``.
  public init(
    table: String, scopeColumn: String? = "scope", keyColumn: String = "key", keyedByMethod: Bool = true,
    fingerprintAsHex: Bool = false, timeColumn: String = "recorded_at", time: TimeEncoding = .milliseconds
  ) {
    self.table = table
    self.scopeColumn = scopeColumn
    self.keyColumn = keyColumn
    self.keyedByMethod = keyedByMethod
    self.fingerprintAsHex = fingerprintAsHex
    self.timeColumn = timeColumn
    self.time = time
  }

  /// `registry_idempotency`: keys per caller across methods, times in seconds.
  public static let registry = IdempotencyLayout(
    table: "registry_idempotency", scopeColumn: "caller", keyedByMethod: false, time: .seconds)
  /// `classification_idempotency`: keys per method, fingerprints in hex, times in milliseconds.
  public static let classification = IdempotencyLayout(
    table: "classification_idempotency", scopeColumn: nil, fingerprintAsHex: true, timeColumn: "created_at")
  /// `exchange_idempotency`: keys per method and acting unit, times in microseconds.
  public static let exchange = IdempotencyLayout(
    table: "exchange_idempotency", scopeColumn: "unit_code", keyColumn: "idempotency_key", timeColumn: "created_us",
    time: .microseconds)
  /// `inspection_idempotency`: keys per method, times as GRDB dates.
  public static let inspection = IdempotencyLayout(
    table: "inspection_idempotency", scopeColumn: nil, timeColumn: "created_at", time: .date)

  /// The engine a ``createTableSQL(_:)`` statement is written for.
  public enum Engine: Sendable {
    /// SQLite, the embedded default.
    case sqlite
    /// PostgreSQL, shared by workers on several hosts.
    case postgres
  }

  /// The `CREATE TABLE` statement of the table this layout describes, in `engine`'s types: the
  /// identity columns (`method` first when keys are per method, then the scope and the key)
  /// as the primary key, then `method` when it is not part of it, the fingerprint, the answer
  /// and the time. Each module's migrations create their ledger with it, on either engine.
  public func createTableSQL(_ engine: Engine = .sqlite) -> String {
    let identity = (keyedByMethod ? ["method"] : []) + (scopeColumn.map { [$0] } ?? []) + [keyColumn]
    let bytes = engine == .sqlite ? "BLOB" : "BYTEA"
    let timeType =
      switch (time, engine) {
      case (.seconds, .sqlite): "REAL"
      case (.seconds, .postgres): "DOUBLE PRECISION"
      case (.milliseconds, .sqlite), (.microseconds, .sqlite): "INTEGER"
      case (.date, .sqlite): "DATETIME"
      // The PostgreSQL ledger stores a `.date` time as microseconds.
      case (_, .postgres): "BIGINT"
      }
    let columns =
      identity.map { "\($0) TEXT NOT NULL" } + (keyedByMethod ? [] : ["method TEXT NOT NULL"]) + [
        "fingerprint \(fingerprintAsHex ? "TEXT" : bytes) NOT NULL", "response \(bytes) NOT NULL",
        "\(timeColumn) \(timeType) NOT NULL", "PRIMARY KEY (\(identity.joined(separator: ", ")))",
      ]
    return "CREATE TABLE \(table) (\(columns.joined(separator: ", ")))"
  }

  /// Creates the table this layout describes on SQLite (``createTableSQL(_:)``), in a migration.
  public func createTable(in db: Database) throws {
    try db.execute(sql: createTableSQL())
  }

  /// The stored form of `date`.
  func stored(_ date: Date) -> DatabaseValue {
    switch time {
    case .seconds: date.timeIntervalSince1970.databaseValue
    case .milliseconds: Int64((date.timeIntervalSince1970 * 1_000).rounded()).databaseValue
    case .microseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded()).databaseValue
    case .date: date.databaseValue
    }
  }

  /// The stored form of `fingerprint`.
  func stored(_ fingerprint: [UInt8]) -> DatabaseValue {
    fingerprintAsHex
      ? fingerprint.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined().databaseValue
      : Data(fingerprint).databaseValue
  }

  /// The condition and arguments that find `claim`'s entry.
  func identity(of claim: IdempotencyClaim) -> (condition: String, arguments: StatementArguments) {
    var columns: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let scopeColumn {
      columns.append(scopeColumn)
      arguments.append(claim.scope)
    }
    if keyedByMethod {
      columns.append("method")
      arguments.append(claim.method)
    }
    columns.append(keyColumn)
    arguments.append(claim.key)
    return (columns.map { "\($0) = ?" }.joined(separator: " AND "), StatementArguments(arguments))
  }
}
