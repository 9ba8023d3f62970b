/// The kind of Party organisation a unit is, as `UnitKind` in `unit.proto`.
///
/// Raw values are the proto value names without their prefix: the spelling of CSV files and
/// JSON. Which kind may sit under which is ``allowedParentKinds``.
public enum UnitKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Đảng ủy Khối: the bloc's Party committee, root of the tree.
  case blocCommittee = "BLOC_COMMITTEE"
  /// Đảng bộ cơ sở: a grassroots Party committee, with branches under it.
  case grassrootsCommittee = "GRASSROOTS_COMMITTEE"
  /// Chi bộ cơ sở: a grassroots Party cell with no branches under it.
  case grassrootsCell = "GRASSROOTS_CELL"
  /// Chi bộ trực thuộc: a Party cell under a đảng bộ cơ sở or a đảng bộ bộ phận.
  case subordinateCell = "SUBORDINATE_CELL"
  /// Đảng bộ bộ phận: an intermediate committee inside a large đảng bộ cơ sở.
  case partialCommittee = "PARTIAL_COMMITTEE"

  /// The Vietnamese name of the kind, e.g. "Đảng bộ cơ sở".
  public var vietnameseName: String {
    switch self {
    case .blocCommittee: return "Đảng ủy Khối"
    case .grassrootsCommittee: return "Đảng bộ cơ sở"
    case .grassrootsCell: return "Chi bộ cơ sở"
    case .subordinateCell: return "Chi bộ trực thuộc"
    case .partialCommittee: return "Đảng bộ bộ phận"
    }
  }

  /// Whether the unit is a grassroots Party organisation (tổ chức cơ sở đảng): the units the
  /// resolution's targets 2, 4a and 5 count, and that report by default.
  public var isGrassroots: Bool { self == .grassrootsCommittee || self == .grassrootsCell }
}
