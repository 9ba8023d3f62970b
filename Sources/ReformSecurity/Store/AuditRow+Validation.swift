import Foundation
import ReformWire

extension AuditRow {
  /// Longest method path, principal field, peer or request id accepted, and longest unit code
  /// kept (a longer one is cut).
  static let maxNameLength = 300
  /// Longest target kept, a longer one being cut: free text, but an identifier in practice.
  static let maxTargetLength = 1000
  /// Longest status message kept; a longer one is cut, not refused (see ``init(_:sequence:now:)``).
  static let maxMessageLength = 2000

  /// Validates `entry` and makes the row to insert as entry `sequence`, naming the first
  /// wrong field.
  ///
  /// An unset `time` becomes `now`. A status message longer than ``maxMessageLength``, and a
  /// unit code or a target longer than theirs, are cut rather than refused: they quote what
  /// the caller sent, and refusing them would leave the call unaudited for the sake of a
  /// detail. A cut unit code or target ends with "…".
  init(_ entry: AdminAuditEntry, sequence: Int64, now: Date) throws(SecurityStoreError) {
    guard entry.sequence == 0 else {
      throw .invalid("sequence", "assigned by the log; leave it 0")
    }
    let method = entry.method
    guard !method.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .invalid("method", "required: the full method path, e.g. /reform.v1.Admin/CreateToken")
    }
    guard method.count <= Self.maxNameLength else {
      throw .invalid("method", "at most \(Self.maxNameLength) characters")
    }
    guard AdminAuditAction.allKnown.contains(entry.action), entry.action != .unspecified else {
      // Without an action the `actions` filter could not find the entry.
      throw .invalid("action", "required: write, read or denied")
    }
    // 0 (OK) to 16 (UNAUTHENTICATED): the codes gRPC defines.
    guard (0...16).contains(entry.statusCode) else {
      throw .invalid("status_code", "\(entry.statusCode) is not a gRPC status code (0 to 16)")
    }

    guard entry.count >= 0 else {
      throw .invalid("count", "must not be negative; 0 stands for 1")
    }

    let time = entry.time ?? Timestamp(now)
    guard time.isValid else {
      throw .invalid("time", "nanos must be from 0 to 999999999")
    }
    guard let timeNanos = Self.nanos(of: time) else {
      throw .invalid("time", "must be between 1970 and 2262")
    }

    if let principal = entry.principal {
      for (field, value) in [
        ("principal.id", principal.id), ("principal.display_name", principal.displayName),
        ("principal.unit_code", principal.unitCode),
      ] where value.count > Self.maxNameLength {
        throw .invalid(field, "at most \(Self.maxNameLength) characters")
      }
    }
    for (field, value) in [("peer", entry.peer), ("request_id", entry.requestId)] where value.count > Self.maxNameLength {
      throw .invalid(field, "at most \(Self.maxNameLength) characters")
    }

    self.init(
      sequence: sequence,
      timeNanos: timeNanos,
      principalId: entry.principal?.id,
      principalDisplayName: entry.principal?.displayName ?? "",
      principalUnitCode: entry.principal?.unitCode ?? "",
      principalRoles: Self.encode(roles: entry.principal?.roles ?? []),
      method: method,
      unitCode: Self.cut(entry.unitCode, to: Self.maxNameLength),
      target: Self.cut(entry.target, to: Self.maxTargetLength),
      action: entry.action.rawValue,
      statusCode: entry.statusCode,
      message: String(entry.message.prefix(Self.maxMessageLength)),
      peer: entry.peer,
      requestId: entry.requestId,
      count: max(1, entry.count))
  }

  /// `text`, or its first `length - 1` characters and "…" when it is longer than `length`.
  private static func cut(_ text: String, to length: Int) -> String {
    text.count <= length ? text : text.prefix(length - 1) + "…"
  }
}
