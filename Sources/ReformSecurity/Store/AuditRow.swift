import Foundation
import GRDB
import ReformWire

/// One row of the `audit_entry` table: an ``AuditLog`` entry as stored.
///
/// The time is kept as whole nanoseconds since 1970 UTC rather than GRDB's date text, because
/// that text keeps only milliseconds: an entry must come back exactly as it was appended, and
/// range filters become integer comparisons on an index.
struct AuditRow: Codable, Sendable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "audit_entry"

  /// 1, 2, 3… without gaps; the table's integer primary key.
  var sequence: Int64
  /// Nanoseconds since 1970-01-01T00:00:00Z.
  var timeNanos: Int64
  /// `nil` when the call was not authenticated: then the other principal columns are empty.
  var principalId: String?
  var principalDisplayName: String
  var principalUnitCode: String
  /// The principal's roles separated by commas, by ``Role/name`` (`admin,clerk`), or by
  /// number for a role this build does not know, so that nothing is lost.
  var principalRoles: String
  var method: String
  var unitCode: String
  var target: String
  /// `AdminAuditAction.rawValue`.
  var action: Int32
  /// The gRPC status code of the outcome: 0 is OK.
  var statusCode: Int32
  var message: String
  var peer: String
  var requestId: String
  /// How many calls the entry stands for: more than 1 only for refusals counted over a window.
  var count: Int64

  enum CodingKeys: String, CodingKey, ColumnExpression {
    case sequence
    case timeNanos = "time_ns"
    case principalId = "principal_id"
    case principalDisplayName = "principal_display_name"
    case principalUnitCode = "principal_unit_code"
    case principalRoles = "principal_roles"
    case method
    case unitCode = "unit_code"
    case target
    case action
    case statusCode = "status_code"
    case message
    case peer
    case requestId = "request_id"
    case count
  }

  typealias Columns = CodingKeys

  /// The entry as the wire carries it.
  var entry: AdminAuditEntry {
    AdminAuditEntry(
      sequence: sequence,
      time: Self.timestamp(nanos: timeNanos),
      principal: principalId.map { id in
        Principal(
          id: id, displayName: principalDisplayName, unitCode: principalUnitCode,
          roles: Self.roles(decoding: principalRoles))
      },
      method: method,
      unitCode: unitCode,
      target: target,
      action: AdminAuditAction(rawValue: action),
      statusCode: statusCode,
      message: message,
      peer: peer,
      requestId: requestId,
      count: count)
  }

  /// Whole nanoseconds since 1970 for `timestamp`, or `nil` when they do not fit in 64 bits
  /// (before 1970 or after 2262).
  static func nanos(of timestamp: Timestamp) -> Int64? {
    guard timestamp.isValid, timestamp.seconds >= 0 else { return nil }
    let (scaled, overflow) = timestamp.seconds.multipliedReportingOverflow(by: 1_000_000_000)
    guard !overflow else { return nil }
    let (sum, overflowSum) = scaled.addingReportingOverflow(Int64(timestamp.nanos))
    return overflowSum ? nil : sum
  }

  /// The timestamp `nanos` nanoseconds after 1970 UTC.
  static func timestamp(nanos: Int64) -> Timestamp {
    let (seconds, remainder) = nanos.quotientAndRemainder(dividingBy: 1_000_000_000)
    return Timestamp(seconds: seconds, nanos: Int32(remainder))
  }

  /// `roles` as stored in `principal_roles`.
  static func encode(roles: [Role]) -> String {
    roles.map { Role.assignable.contains($0) ? $0.name : String($0.rawValue) }
      .joined(separator: ",")
  }

  /// The roles stored by ``encode(roles:)``.
  static func roles(decoding text: String) -> [Role] {
    text.split(separator: ",").compactMap { part in
      Role(name: String(part)) ?? Int32(part).map(Role.init(rawValue:))
    }
  }
}
