import Foundation
import ReformClient
import ReformWire

/// Nhật ký: the coordinator's audit trail, newest first, filtered by who, method, unit and days.
struct AuditView: Sendable {
  struct Entry: Sendable {
    let sequence: Int64
    let time: String
    let who: String
    let method: String
    let unit: String
    let target: String
    let action: String
    let status: String
    let failed: Bool
    let message: String
  }

  let session: SessionView
  let who: String
  let method: String
  let unit: String
  let from: String
  let to: String
  let entries: [Entry]
  let more: Bool
  static let pageSize: Int32 = 200

  init(session: ConsoleSession, filter: AuditFilter, response: AdminQueryAuditResponse) {
    self.session = SessionView(session)
    who = filter.who
    method = filter.method
    unit = filter.unit
    from = filter.from
    to = filter.to
    entries = response.entries.map { entry in
      Entry(
        sequence: entry.sequence, time: ConsoleText.time(entry.time), who: entry.principal?.id ?? "—", method: entry.method,
        unit: entry.unitCode, target: entry.target, action: Self.action(entry.action),
        status: entry.statusCode == 0 ? "OK" : "mã \(entry.statusCode)", failed: entry.statusCode != 0,
        message: entry.message + (entry.count > 1 ? " (×\(entry.count))" : ""))
    }
    more = !(response.page?.nextPageToken ?? "").isEmpty
  }

  static func action(_ action: AdminAuditAction) -> String {
    switch action {
    case .write: "Ghi"
    case .read: "Đọc"
    case .denied: "Bị từ chối"
    default: "—"
    }
  }
}

/// The audit page's filter, read from its query: each field bounded, days as `YYYY-MM-DD` on
/// Vietnam's calendar.
struct AuditFilter: Sendable {
  var who = ""
  var method = ""
  var unit = ""
  var from = ""
  var to = ""

  /// The request for the filter, the `den` day included whole.
  func request() throws(ReformError) -> AdminQueryAuditRequest {
    var range = AdminTimeRange()
    if !from.isEmpty { range.since = Timestamp(try Self.start(of: from, field: "tu")) }
    if !to.isEmpty { range.until = Timestamp(try Self.start(of: to, field: "den").addingTimeInterval(86_400)) }
    return AdminQueryAuditRequest(
      page: PageRequest(pageSize: AuditView.pageSize), principalId: who, method: method, unitCode: unit,
      timeRange: from.isEmpty && to.isEmpty ? nil : range, newestFirst: true)
  }

  /// Midnight in Vietnam at the start of `text`, a `YYYY-MM-DD` day.
  static func start(of text: String, field: String) throws(ReformError) -> Date {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = ConsoleText.vietnam
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], (1900...2999).contains(year),
      let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
      calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
    else { throw ReformError(code: .invalidArgument, message: "Ngày \(field) phải có dạng năm-tháng-ngày, ví dụ 2026-12-07.") }
    return date
  }
}
