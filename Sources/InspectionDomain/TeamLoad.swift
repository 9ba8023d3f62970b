/// One team's load in a programme.
public struct TeamLoad: Sendable, Hashable {
  /// The team.
  public var teamID: String
  /// Visits placed for the team.
  public var visits: Int
  /// Working days those visits occupy.
  public var workingDays: Int

  /// A team's load.
  public init(teamID: String, visits: Int, workingDays: Int) {
    self.teamID = teamID
    self.visits = visits
    self.workingDays = workingDays
  }
}
