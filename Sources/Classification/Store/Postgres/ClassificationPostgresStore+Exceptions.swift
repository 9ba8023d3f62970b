import Foundation
import PostgresNIO
import ReformStore
import ReformWire

extension ClassificationPostgresStore {
  /// Records `pending` as granted, as ``ClassificationStore`` does, once it holds the
  /// `exception` counter row: the live exceptions it checks are read after every grant before
  /// it committed, and its number follows theirs.
  func grantException(
    _ pending: RatingQuotaException, idempotency: IdempotencyClaim?
  ) async throws -> ClassificationGrantQuotaExceptionResponse {
    try await write(idempotency: idempotency) { db in
      let key = PostgresCounters.Key("exception", "")
      var counters = try await PostgresCounters.lock([key], in: Self.counters, on: db)
      try ExceptionRecording.checkGrant(pending, live: try await Self.liveExceptions(year: Int(pending.year), db))
      let seq = counters.next(key)
      var recorded = pending
      recorded.id = StoredValue.exceptionId(year: pending.year, seq: seq)
      try await db.execute(
        """
        INSERT INTO classification_quota_exceptions (seq, id, year, unit_code, duty_group, revoked, payload)
        VALUES (\(seq), \(recorded.id), \(Int64(recorded.year)), \(recorded.unitCode), \(recorded.dutyGroup), \
        \(recorded.revoked), \(Data(try recorded.wireBytes())))
        """)
      try await counters.save(on: db)
      return ClassificationGrantQuotaExceptionResponse(exception: recorded)
    }
  }

  /// Marks the exception `id` revoked for `reason`, holding its row locked (`FOR UPDATE`)
  /// from the read to the write.
  func revokeException(
    id: String, reason: String, idempotency: IdempotencyClaim?
  ) async throws -> ClassificationRevokeQuotaExceptionResponse {
    try await write(idempotency: idempotency) { db in
      let stored = try await Self.exception(id: id, db, "FOR UPDATE")
      let exception = try ExceptionRecording.revoked(stored, id: id, reason: reason)
      try await db.execute(
        """
        UPDATE classification_quota_exceptions SET revoked = \(exception.revoked), payload = \(Data(try exception.wireBytes()))
        WHERE id = \(id)
        """)
      return ClassificationRevokeQuotaExceptionResponse(exception: exception)
    }
  }

  /// The exception `id`, if any; `lock` is appended to the query (`FOR UPDATE` in a write).
  static func exception(id: String, _ db: PostgresConnection, _ lock: String = "") async throws -> RatingQuotaException? {
    guard
      let payload = try await db.value(
        Data.self, "SELECT payload FROM classification_quota_exceptions WHERE id = \(id) \(sql: lock)")
    else { return nil }
    return try RatingQuotaException(wireBytes: [UInt8](payload))
  }

  func exception(id: String) async throws -> RatingQuotaException? {
    try await read { db in try await Self.exception(id: id, db) }
  }

  /// The exceptions of `year` still applied, in the order they were recorded.
  static func liveExceptions(year: Int, _ db: PostgresConnection) async throws -> [RatingQuotaException] {
    try await db.rows(
      "SELECT payload FROM classification_quota_exceptions WHERE year = \(year) AND revoked = 0 ORDER BY seq"
    ).map { row in try RatingQuotaException(wireBytes: try row.bytes(0)) }
  }

  func liveExceptions(year: Int) async throws -> [RatingQuotaException] {
    try await read { db in try await Self.liveExceptions(year: year, db) }
  }

  func exceptionPage(
    year: Int, units: Set<String>?, includeRevoked: Bool, after: Int64?, limit: Int
  ) async throws -> (exceptions: [(seq: Int64, exception: RatingQuotaException)], total: Int) {
    try await read { db in
      var filter = PostgresRowFilter()
      filter.year(year)
      filter.units(units)
      if !includeRevoked { filter.add("revoked = 0") }
      let total = try await filter.count(in: "classification_quota_exceptions", db)
      if let after { filter.add("seq > \(after)") }
      let rows = try await db.rows(
        "SELECT seq, payload FROM classification_quota_exceptions \(filter.clause) ORDER BY seq LIMIT \(limit)")
      let exceptions = try rows.map { row -> (seq: Int64, exception: RatingQuotaException) in
        (try row.integer(0), try RatingQuotaException(wireBytes: try row.bytes(1)))
      }
      return (exceptions, total)
    }
  }
}
