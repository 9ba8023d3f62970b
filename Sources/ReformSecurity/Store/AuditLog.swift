import Foundation
import GRDB
import ReformStore
import ReformWire

/// The audit log: every call that changes data, every read of a document or a rating, and
/// every refusal, in an SQLite file of its own.
///
/// Entries are append-only. This type has no update or delete, and the database refuses them
/// too: triggers abort any `UPDATE` or `DELETE` on the table with
/// `audit entries cannot be changed`, whoever issues it. Each entry gets the next
/// ``AdminAuditEntry/sequence`` (1, 2, 3…) inside the write transaction that inserts it, so
/// the numbers have no gaps and a gap means tampering; a trigger refuses an insert that would
/// make one. The file is separate from the token store so that it can be kept, copied and
/// protected on its own. The database runs in WAL mode so that queries never wait for the
/// appends of a busy coordinator. Times are stored in UTC, to the nanosecond.
///
/// ## Topics
/// - ``init(path:)``: opens or creates the file and migrates it.
/// - ``append(_:now:)``: records one call and returns its sequence.
/// - ``query(_:)``: the `Admin.QueryAudit` call: filters, order, paging.
public final class AuditLog: Sendable {
  private let database: StoreDatabase

  /// Opens the audit log at `path`, creating it when missing, and applies any migration not
  /// yet applied. A reopened log keeps its entries and continues their sequence.
  public init(path: String) throws {
    self.database = try StoreDatabase(
      path: path, name: "audit", migrations: Self.migrations, busyTimeout: Self.busyTimeout)
  }

  /// How long an append waits for another process's lock on the file (a backup, an operator's
  /// `sqlite3`) before it fails: a tenth of a second, not the modules' ten. The auditor tries
  /// an append four times within a quarter of a second and then answers the audited call
  /// `UNAVAILABLE`; a caller is not held for the length of somebody else's backup.
  public static let busyTimeout: TimeInterval = 0.1

  /// Records one call and returns the sequence it was given.
  ///
  /// - Parameters:
  ///   - entry: who (`principal`, unset for an unauthenticated call), `method` (required, the
  ///     full path), `unit_code`, `target` (free text, e.g. a document id), `action`
  ///     (required), the outcome as `status_code` and `message`, and optionally `time`,
  ///     `peer` and `request_id`. `sequence` must be 0: the log assigns it.
  ///   - now: the time recorded when `entry.time` is unset.
  /// - Throws: ``SecurityStoreError`` naming the wrong field, or the database's error.
  @discardableResult
  public func append(_ entry: AdminAuditEntry, now: Date = Date()) async throws -> Int64 {
    // Validate before taking the write lock, with a placeholder sequence.
    let validated = try AuditRow(entry, sequence: 0, now: now)
    return try await database.write { db in
      var row = validated
      // In the write transaction: no other append can take the same number, and a failed
      // insert rolls back without consuming one.
      let last = try Int64.fetchOne(
        db, sql: "SELECT MAX(sequence) FROM \(AuditRow.databaseTableName)") ?? 0
      row.sequence = last + 1
      try row.insert(db)
      return row.sequence
    }
  }

  /// The entries matching every filter `request` gives, a page at a time.
  ///
  /// - Filters: `principal_id`, `method`, `unit_code` and `target` match exactly;
  ///   `time_range` keeps `since <= time < until` (either end may be unset); `outcome` keeps
  ///   status 0 (succeeded) or any other (failed); `status_codes` and `actions` keep entries
  ///   with one of the values listed. Unset or empty filters keep everything.
  /// - Order: by ``AdminAuditEntry/sequence``, oldest first, or newest first when
  ///   `newest_first` is set. Sequence order is the order of appending, which is what an
  ///   audit trail is read in; times given by callers need not follow it exactly.
  /// - Paging: `page.page_size` entries (0 means 100; more than 1000 is served 1000), from
  ///   after `page.page_token`. `page.next_page_token` is empty on the last page;
  ///   `page.total_count` counts every match. Entries appended while paging oldest first
  ///   appear on later pages; newest first, they are not seen until the walk starts again.
  /// - Throws: ``SecurityStoreError`` naming the wrong field (a negative page size, a page token
  ///   not issued for this order, an invalid time), or the database's error.
  public func query(_ request: AdminQueryAuditRequest) async throws -> AdminQueryAuditResponse {
    let query = try AuditQuery(request)
    return try await database.read { db in
      let matching = AuditRow.filter(query.filter)
      let total = try matching.fetchCount(db)

      var page = matching
      if let after = query.afterStart { page = page.filter(after) }
      // One more than asked says whether another page follows without a second query.
      let rows = try page
        .order(query.newestFirst ? AuditRow.Columns.sequence.desc : AuditRow.Columns.sequence.asc)
        .limit(query.page.size + 1)
        .fetchAll(db)

      let shown = rows.prefix(query.page.size)
      let next =
        rows.count > query.page.size
        ? query.page.nextToken(after: [String(shown.last!.sequence)]) : ""
      return AdminQueryAuditResponse(
        entries: shown.map(\.entry),
        page: PageResponse(nextPageToken: next, totalCount: Int64(total)))
    }
  }
}
