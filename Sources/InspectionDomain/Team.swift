/// A team (đoàn kiểm tra, giám sát): it does one visit at a time, and none of its inspectors
/// may come from the unit visited.
public struct Team: Sendable, Hashable {
  /// Unique in the input.
  public var teamID: String
  /// The team's name, e.g. `Đoàn kiểm tra số 1`.
  public var name: String
  /// Its inspectors; at least one.
  public var inspectors: [Inspector]
  /// Visits this team may start per calendar month; `nil` for
  /// ``PlanningRules/maxVisitsPerTeamPerMonth``.
  public var maxVisitsPerMonth: Int?

  /// A team.
  public init(teamID: String, name: String, inspectors: [Inspector], maxVisitsPerMonth: Int? = nil) {
    self.teamID = teamID
    self.name = name
    self.inspectors = inspectors
    self.maxVisitsPerMonth = maxVisitsPerMonth
  }
}
