import Foundation
import GRDB
import ReformStore

/// ``AuditStoring`` in one coordinator's SQLite file, apart from the token store so that it can
/// be kept, copied and protected on its own.
///
/// Triggers refuse any `UPDATE` or `DELETE` and an insert that would leave a gap. The next
/// sequence is read inside the write transaction that inserts it, under SQLite's single
/// writer, so no other append can take the same number. The database runs in WAL mode so that
/// queries never wait for the appends of a busy coordinator.
final class AuditSQLiteStore: AuditStoring {
  private let database: StoreDatabase

  /// Opens the audit log at `path`, creating it when missing, and applies any migration not
  /// yet applied.
  init(path: String) throws {
    database = try StoreDatabase(
      path: path, name: "audit", migrations: Self.migrations, busyTimeout: AuditLog.busyTimeout)
  }

  func append(_ row: AuditRow) async throws -> Int64 {
    try await database.write { db in
      var row = row
      let last = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM \(AuditRow.databaseTableName)") ?? 0
      row.sequence = last + 1
      try row.insert(db)
      return row.sequence
    }
  }

  func entries(_ query: AuditQuery) async throws -> (rows: [AuditRow], total: Int) {
    let filter = Self.filter(query)
    return try await database.read { db in
      let matching = AuditRow.filter(filter)
      let total = try matching.fetchCount(db)
      var page = matching
      if let start = query.start {
        page = page.filter(query.newestFirst ? AuditRow.Columns.sequence < start : AuditRow.Columns.sequence > start)
      }
      let rows = try page
        .order(query.newestFirst ? AuditRow.Columns.sequence.desc : AuditRow.Columns.sequence.asc)
        .limit(query.page.size + 1)
        .fetchAll(db)
      return (rows, total)
    }
  }

  /// Every filter `query` gives, ANDed; no filter matches everything.
  private static func filter(_ query: AuditQuery) -> SQLExpression {
    typealias C = AuditRow.Columns
    var conditions: [SQLExpression] = []
    if let principalId = query.principalId { conditions.append(C.principalId == principalId) }
    if let method = query.method { conditions.append(C.method == method) }
    if let unitCode = query.unitCode { conditions.append(C.unitCode == unitCode) }
    if let target = query.target { conditions.append(C.target == target) }
    if let since = query.since { conditions.append(C.timeNanos >= since) }
    if let until = query.until { conditions.append(C.timeNanos < until) }
    if let succeeded = query.succeeded { conditions.append(succeeded ? C.statusCode == 0 : C.statusCode != 0) }
    if !query.statusCodes.isEmpty { conditions.append(query.statusCodes.contains(C.statusCode)) }
    if !query.actions.isEmpty { conditions.append(query.actions.contains(C.action)) }
    return conditions.joined(operator: .and)
  }
}
