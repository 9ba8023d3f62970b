import Foundation
import PostgresNIO

/// The ledger on PostgreSQL: the same table, columns and refusals as on SQLite.
///
/// SQLite lets one writer in at a time, so a second request with a key waits for the first
/// and then finds its entry. On PostgreSQL two workers may run the same keyed request at once:
/// ``lock(_:on:)`` takes a transaction-scoped advisory lock named after the claim's identity
/// before the entry is read, so the second waits for the first's commit and then finds its
/// entry, and unrelated keys never wait for each other.
extension IdempotencyLedger {
  /// Waits for, then holds until the transaction ends, the lock of `claim`'s identity.
  public func lock(_ claim: IdempotencyClaim, on connection: PostgresConnection) async throws {
    let identity = [layout.table, layout.scopeColumn == nil ? "" : claim.scope, layout.keyedByMethod ? claim.method : "", claim.key]
      .joined(separator: "\u{1F}")
    try await connection.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(identity), 0))")
  }

  /// The stored answer to `claim`'s request, or nil when the key is new; on a write, call
  /// ``lock(_:on:)`` first.
  ///
  /// - Throws: ``IdempotencyRefusal`` (``conflict``) when the key answered another request.
  public func answer(to claim: IdempotencyClaim, on connection: PostgresConnection) async throws -> [UInt8]? {
    var statement = PostgresStatement(stringLiteral: "SELECT method, fingerprint, response FROM \(layout.table) WHERE ")
    statement.append(identity(of: claim))
    guard let row = try await connection.rows(statement).first else { return nil }
    let method = try row["method"].decode(String.self)
    let fingerprint: PostgresValue =
      layout.fingerprintAsHex ? .text(try row["fingerprint"].decode(String.self)) : .bytes(try row["fingerprint"].decode(Data.self))
    guard method == claim.method, fingerprint == stored(claim.fingerprint) else {
      throw IdempotencyRefusal.key(
        conflict,
        "\"\(claim.key)\" was already used for a different \(method) request; use a new key for a new request")
    }
    return Array(try row["response"].decode(Data.self))
  }

  /// Keeps `answer` as the answer to `claim`'s request.
  public func record(_ answer: [UInt8], for claim: IdempotencyClaim, at date: Date, on connection: PostgresConnection)
    async throws
  {
    var columns: [(String, PostgresValue)] = [
      ("method", .text(claim.method)), (layout.keyColumn, .text(claim.key)), ("fingerprint", stored(claim.fingerprint)),
      ("response", .bytes(Data(answer))), (layout.timeColumn, stored(date)),
    ]
    if let scopeColumn = layout.scopeColumn { columns.insert((scopeColumn, .text(claim.scope)), at: 0) }
    var statement = PostgresStatement(
      stringLiteral: "INSERT INTO \(layout.table) (\(columns.map(\.0).joined(separator: ", "))) VALUES (")
    for (index, column) in columns.enumerated() {
      if index > 0 { statement.append(", ") }
      statement.bind(value: column.1)
    }
    statement.append(")")
    try await connection.execute(statement)
  }

  private func identity(of claim: IdempotencyClaim) -> PostgresStatement {
    var statement: PostgresStatement = ""
    if let scopeColumn = layout.scopeColumn {
      statement.append(PostgresStatement(stringLiteral: "\(scopeColumn) = "))
      statement.bind(value: .text(claim.scope))
      statement.append(" AND ")
    }
    if layout.keyedByMethod {
      statement.append("method = \(claim.method) AND ")
    }
    statement.append(PostgresStatement(stringLiteral: "\(layout.keyColumn) = "))
    statement.bind(value: .text(claim.key))
    return statement
  }

  private func stored(_ fingerprint: [UInt8]) -> PostgresValue {
    layout.fingerprintAsHex
      ? .text(fingerprint.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined())
      : .bytes(Data(fingerprint))
  }

  private func stored(_ date: Date) -> PostgresValue {
    switch layout.time {
    case .seconds: .real(date.timeIntervalSince1970)
    case .milliseconds: .integer(Int64((date.timeIntervalSince1970 * 1_000).rounded()))
    case .microseconds: .integer(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    case .date: .integer(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    }
  }
}
