/// What a unit history entry records, as `UnitChangeKind` in `unit.proto`.
public enum UnitChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// The unit was created (thành lập).
  case created = "CREATED"
  /// Its name changed (đổi tên).
  case renamed = "RENAMED"
  /// It moved under another parent (điều chuyển).
  case moved = "MOVED"
  /// It was closed (giải thể, sáp nhập).
  case closed = "CLOSED"
  /// Another attribute changed (kind, host, OrganId, short name, opening date).
  case updated = "UPDATED"
}
