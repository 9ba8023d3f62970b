import ReformKit

/// A visit the programme must place: one inspection or supervision of one unit.
public struct VisitDue: Sendable, Hashable {
  /// Caller-chosen id, unique in the input; the placed ``Visit`` keeps it.
  public var dueID: String
  /// The unit visited (the registry's unit code).
  public var unitCode: String
  /// The unit's name in Vietnamese, e.g. `Đảng bộ Sở Tài chính`.
  public var unitName: String
  /// The kind of inspection or supervision.
  public var kind: VisitKind
  /// Length in working days; `nil` to take it from ``PlanningRules/lengths`` by kind and unit
  /// size.
  public var lengthDays: Int?
  /// Members of the unit, for the length table; `nil` if not known.
  public var unitMemberCount: Int?
  /// The days the visit must lie within; `nil` for the whole year.
  public var window: CivilDateRange?
  /// The only team that may do it; `nil` for any team.
  public var teamID: String?
  /// What the visit is about (nội dung kiểm tra, giám sát).
  public var topic: String

  /// A visit due.
  public init(
    dueID: String, unitCode: String, unitName: String, kind: VisitKind, lengthDays: Int?,
    unitMemberCount: Int? = nil, window: CivilDateRange? = nil, teamID: String? = nil, topic: String = ""
  ) {
    self.dueID = dueID
    self.unitCode = unitCode
    self.unitName = unitName
    self.kind = kind
    self.lengthDays = lengthDays
    self.unitMemberCount = unitMemberCount
    self.window = window
    self.teamID = teamID
    self.topic = topic
  }
}
