import ReformKit
import ReformWire

/// A validated ``AuditLog/query(_:)`` request: the filters, the order, the page size and where
/// the page starts, as values each engine turns into its own SQL (``AuditSQLiteStore``,
/// ``AuditPostgresStore``).
///
/// A page token holds the last sequence of the page before. The order is in the list the
/// token belongs to, so that a token cannot be replayed against a query walking the other
/// way, which would silently skip or repeat entries. Because entries are never changed or
/// removed, a sequence stays a valid place to resume from forever.
struct AuditQuery: Sendable {
  var newestFirst: Bool
  /// The page size and the token's place.
  var page: PageCursor
  /// The last sequence of the page before; nil on the first page.
  var start: Int64?

  // The filters; each one unset (nil or empty) keeps everything, and the given ones are ANDed.
  var principalId: String?
  var method: String?
  var unitCode: String?
  var target: String?
  /// Nanoseconds since 1970, inclusive.
  var since: Int64?
  /// Nanoseconds since 1970, exclusive.
  var until: Int64?
  /// True keeps status 0 only, false every other status.
  var succeeded: Bool?
  var statusCodes: [Int32] = []
  /// `AdminAuditAction.rawValue`s.
  var actions: [Int32] = []

  init(_ request: AdminQueryAuditRequest) throws(SecurityStoreError) {
    newestFirst = request.newestFirst

    let requested = request.page ?? PageRequest()
    do {
      page = try PageCursor(
        size: requested.pageSize, token: requested.pageToken, list: newestFirst ? "audit.newest-first" : "audit.oldest-first")
      start = page.after == nil ? nil : try page.integer(0)
    } catch {
      throw .invalid(FieldPath.proto(error.field), error.message)
    }

    func given(_ text: String) -> String? { text.isEmpty ? nil : text }
    principalId = given(request.principalId)
    method = given(request.method)
    unitCode = given(request.unitCode)
    target = given(request.target)

    if let range = request.timeRange {
      if let value = range.since {
        guard let nanos = AuditRow.nanos(of: value) else {
          throw .invalid("time_range.since", "must be a valid instant between 1970 and 2262")
        }
        since = nanos
      }
      if let value = range.until {
        guard let nanos = AuditRow.nanos(of: value) else {
          throw .invalid("time_range.until", "must be a valid instant between 1970 and 2262")
        }
        until = nanos
      }
      if let since, let until, since > until {
        throw .invalid("time_range", "since is after until")
      }
    }

    switch request.outcome {
    case .unspecified: break
    case .succeeded: succeeded = true
    case .failed: succeeded = false
    default:
      throw .invalid("outcome", "\(request.outcome) is not an outcome; use succeeded or failed")
    }
    statusCodes = request.statusCodes
    actions = request.actions.map(\.rawValue)
  }
}
