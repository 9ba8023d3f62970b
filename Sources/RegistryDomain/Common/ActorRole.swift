/// A role a principal may hold, as `Role` in `common.proto`.
public enum ActorRole: String, Sendable, Hashable, Codable, CaseIterable {
  /// Administers the whole system.
  case admin = "ADMIN"
  /// Runs the system for the bloc.
  case `operator` = "OPERATOR"
  /// Văn thư, cán bộ nghiệp vụ: acts for one unit and the units under it.
  case clerk = "CLERK"
  /// Kiểm tra viên: reads across units.
  case inspector = "INSPECTOR"
  /// Reads only.
  case viewer = "VIEWER"
}
