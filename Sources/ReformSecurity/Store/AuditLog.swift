import Foundation
import ReformStore
import ReformWire

/// The audit log: every call that changes data, every read of a document or a rating, and
/// every refusal, in one coordinator's SQLite file of its own (``AuditSQLiteStore``, the
/// embedded default) or in a PostgreSQL schema that several coordinators share
/// (``AuditPostgresStore``).
///
/// Entries are append-only. This type has no update or delete, and the database refuses them
/// too, whoever issues them: an `UPDATE` or `DELETE` of an entry aborts with
/// `audit entries cannot be changed`. Each entry gets the next ``AdminAuditEntry/sequence``
/// (1, 2, 3…) inside the write transaction that inserts it, shared by every coordinator on the
/// store, so the numbers have no gaps and a gap means tampering; the database refuses an insert
/// that would make one. Times are stored in UTC, to the nanosecond.
///
/// ## Topics
/// - ``init(path:)``, ``init(store:)``: opens or creates the store and migrates it.
/// - ``append(_:now:)``: records one call and returns its sequence.
/// - ``query(_:)``: the `Admin.QueryAudit` call: filters, order, paging.
public final class AuditLog: Sendable {
  /// The message the database aborts with when anything tries to update or delete an entry.
  static let immutableMessage = "audit entries cannot be changed"

  /// The message the database aborts with when an insert would leave a gap in the sequence.
  static let gaplessMessage = "audit sequence must continue the last entry without a gap"

  private let storage: any AuditStoring

  /// Opens the audit log at `path`, creating it when missing, and applies any migration not
  /// yet applied. A reopened log keeps its entries and continues their sequence.
  public convenience init(path: String) throws {
    self.init(storage: try AuditSQLiteStore(path: path))
  }

  /// Opens the audit log where `location` says: a SQLite file, created and migrated when
  /// missing, or a PostgreSQL database whose schema (``TokenStore/postgresSchema`` unless named) is migrated
  /// before its first use and shared with the other coordinators opened on it.
  public convenience init(store location: StoreLocation) throws {
    switch location {
    case .sqlite(let path): try self.init(path: path)
    case .postgres(let settings, let schema):
      self.init(storage: try AuditPostgresStore(settings: settings, schema: schema ?? TokenStore.postgresSchema))
    }
  }

  init(storage: any AuditStoring) {
    self.storage = storage
  }

  /// How long an append waits for another process's lock on the SQLite file (a backup, an
  /// operator's `sqlite3`) before it fails: a tenth of a second, not the modules' ten. The
  /// auditor tries an append four times within a quarter of a second and then answers the
  /// audited call `UNAVAILABLE`; a caller is not held for the length of somebody else's backup.
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
    // Validated before the transaction, with a placeholder sequence the store replaces.
    try await storage.append(try AuditRow(entry, sequence: 0, now: now))
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
    let (rows, total) = try await storage.entries(query)
    // One more than asked says whether another page follows without a second query.
    let shown = rows.prefix(query.page.size)
    let next = rows.count > query.page.size ? query.page.nextToken(after: [String(shown.last!.sequence)]) : ""
    return AdminQueryAuditResponse(
      entries: shown.map(\.entry), page: PageResponse(nextPageToken: next, totalCount: Int64(total)))
  }
}
