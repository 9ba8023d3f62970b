import GRDB
import ReformKit
import ReformWire

/// A validated ``AuditLog/query(_:)`` request: the filters as one SQL condition, the order,
/// the page size and where the page starts.
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
  /// Every given filter, ANDed; no filter matches everything.
  var filter: SQLExpression

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

    typealias C = AuditRow.Columns
    var conditions: [SQLExpression] = []
    if !request.principalId.isEmpty { conditions.append(C.principalId == request.principalId) }
    if !request.method.isEmpty { conditions.append(C.method == request.method) }
    if !request.unitCode.isEmpty { conditions.append(C.unitCode == request.unitCode) }
    if !request.target.isEmpty { conditions.append(C.target == request.target) }

    if let range = request.timeRange {
      var since: Int64?
      var until: Int64?
      if let value = range.since {
        guard let nanos = AuditRow.nanos(of: value) else {
          throw .invalid("time_range.since", "must be a valid instant between 1970 and 2262")
        }
        since = nanos
        conditions.append(C.timeNanos >= nanos)  // inclusive
      }
      if let value = range.until {
        guard let nanos = AuditRow.nanos(of: value) else {
          throw .invalid("time_range.until", "must be a valid instant between 1970 and 2262")
        }
        until = nanos
        conditions.append(C.timeNanos < nanos)  // exclusive
      }
      if let since, let until, since > until {
        throw .invalid("time_range", "since is after until")
      }
    }

    switch request.outcome {
    case .unspecified: break
    case .succeeded: conditions.append(C.statusCode == 0)
    case .failed: conditions.append(C.statusCode != 0)
    default:
      throw .invalid("outcome", "\(request.outcome) is not an outcome; use succeeded or failed")
    }
    if !request.statusCodes.isEmpty {
      conditions.append(request.statusCodes.contains(C.statusCode))
    }
    if !request.actions.isEmpty {
      conditions.append(request.actions.map(\.rawValue).contains(C.action))
    }

    filter = conditions.joined(operator: .and)
  }

  /// The condition that keeps the entries after the page token, in the query's order.
  var afterStart: SQLExpression? {
    guard let start else { return nil }
    return newestFirst ? AuditRow.Columns.sequence < start : AuditRow.Columns.sequence > start
  }
}
