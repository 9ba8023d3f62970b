import ClassificationDomain
import Foundation
import GRDB
import ReformStore
import ReformWire

extension ClassificationStore {
  /// Records `exception`, numbering it `QE-<year>-<n>`; returns it with its id.
  static func insert(_ exception: RatingQuotaException, in db: Database) throws -> RatingQuotaException {
    let seq = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM classification_quota_exceptions") ?? 0) + 1
    var recorded = exception
    recorded.id = StoredValue.exceptionId(year: exception.year, seq: seq)
    try db.execute(
      sql: """
        INSERT INTO classification_quota_exceptions (seq, id, year, unit_code, duty_group, revoked, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        seq, recorded.id, recorded.year, recorded.unitCode, recorded.dutyGroup, recorded.revoked,
        Data(try recorded.wireBytes()),
      ])
    return recorded
  }

  /// Replaces the stored exception with `exception` (same id), e.g. once revoked.
  static func update(_ exception: RatingQuotaException, in db: Database) throws {
    try db.execute(
      sql: "UPDATE classification_quota_exceptions SET revoked = ?, payload = ? WHERE id = ?",
      arguments: [exception.revoked, Data(try exception.wireBytes()), exception.id])
  }

  static func exception(id: String, in db: Database) throws -> RatingQuotaException? {
    guard let data = try Data.fetchOne(db, sql: "SELECT payload FROM classification_quota_exceptions WHERE id = ?", arguments: [id])
    else { return nil }
    return try RatingQuotaException(wireBytes: [UInt8](data))
  }

  /// Records `pending` as granted, unless a live exception already covers its unit, duty
  /// group and year (refused, naming `exception.unit_code`: revoke that one first).
  func grantException(
    _ pending: RatingQuotaException, idempotency: IdempotencyClaim?
  ) async throws -> ClassificationGrantQuotaExceptionResponse {
    try await write(idempotency: idempotency) { db in
      try ExceptionRecording.checkGrant(pending, live: try Self.liveExceptions(year: Int(pending.year), in: db))
      return ClassificationGrantQuotaExceptionResponse(exception: try Self.insert(pending, in: db))
    }
  }

  /// Marks the exception `id` revoked for `reason`; it is kept, and no longer applied.
  /// Refused, naming `id`, when there is none or it was revoked already.
  func revokeException(
    id: String, reason: String, idempotency: IdempotencyClaim?
  ) async throws -> ClassificationRevokeQuotaExceptionResponse {
    try await write(idempotency: idempotency) { db in
      let exception = try ExceptionRecording.revoked(try Self.exception(id: id, in: db), id: id, reason: reason)
      try Self.update(exception, in: db)
      return ClassificationRevokeQuotaExceptionResponse(exception: exception)
    }
  }

  /// The exception `id`, if any.
  func exception(id: String) async throws -> RatingQuotaException? {
    try await read { db in try Self.exception(id: id, in: db) }
  }

  /// The exceptions of `year` still applied, in the order they were recorded.
  static func liveExceptions(year: Int, in db: Database) throws -> [RatingQuotaException] {
    try Data.fetchAll(
      db, sql: "SELECT payload FROM classification_quota_exceptions WHERE year = ? AND revoked = 0 ORDER BY seq",
      arguments: [year]
    ).map { try RatingQuotaException(wireBytes: [UInt8]($0)) }
  }

  func liveExceptions(year: Int) async throws -> [RatingQuotaException] {
    try await read { db in try Self.liveExceptions(year: year, in: db) }
  }

  /// A page of exceptions in the order recorded, after the one numbered `after`.
  func exceptionPage(
    year: Int, units: Set<String>?, includeRevoked: Bool, after: Int64?, limit: Int
  ) async throws -> (exceptions: [(seq: Int64, exception: RatingQuotaException)], total: Int) {
    try await read { db in
      var filter = RowFilter()
      filter.year(year)
      filter.units(units)
      if !includeRevoked { filter.add("revoked = 0") }
      let total = try filter.count(in: "classification_quota_exceptions", db)
      if let after { filter.add("seq > ?", [after]) }
      let rows = try Row.fetchAll(
        db, sql: "SELECT seq, payload FROM classification_quota_exceptions \(filter.clause) ORDER BY seq LIMIT ?",
        arguments: filter.arguments + [limit])
      let exceptions = try rows.map { row -> (seq: Int64, exception: RatingQuotaException) in
        let data: Data = row[1]
        return (row[0], try RatingQuotaException(wireBytes: [UInt8](data)))
      }
      return (exceptions, total)
    }
  }
}
