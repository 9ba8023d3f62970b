/// What rating one collective (a Party organisation and its leadership, tập thể) for one year
/// reads: its own scores and tasks, its targets, and the discipline of its subordinate units
/// and leadership.
public struct CollectiveEvaluation: Sendable, Hashable, Codable {
  /// The unit's code.
  public var unitCode: String
  /// The year rated.
  public var year: Int
  /// Name as rated.
  public var subjectName: String?
  /// Points; required by a rule set with a scale.
  public var scores: RatingScores?
  /// The collective's own tasks; its leaders' conditions read them too.
  public var tasks: TaskCounts?
  /// Targets of the year (chỉ tiêu, nhiệm vụ).
  public var targetsTotal: Int
  /// Of those, how many were met.
  public var targetsMet: Int
  /// Subordinate Party organisations (tổ chức đảng trực thuộc) during the year.
  public var subordinateUnitsTotal: Int
  /// Those disciplined in the year.
  public var disciplinedSubordinates: [DisciplinedSubordinate]
  /// Discipline against the collective itself.
  public var discipline: [DisciplineRecord]
  /// Members of its leadership (cấp ủy, ban thường vụ) during the year.
  public var leaderPersonIds: [String]
  /// Of those, the ones disciplined in the year.
  public var disciplinedLeaderPersonIds: [String]
  /// The level the assessing body proposed; the starting level without points.
  public var assessedLevel: RatingLevel?
  /// The collective's self-assessment; recorded, not used in rating.
  public var selfAssessedLevel: RatingLevel?

  /// The evaluation of the collective `unitCode` for `year`.
  public init(
    unitCode: String, year: Int, subjectName: String? = nil, scores: RatingScores? = nil,
    tasks: TaskCounts? = nil, targetsTotal: Int = 0, targetsMet: Int = 0,
    subordinateUnitsTotal: Int = 0, disciplinedSubordinates: [DisciplinedSubordinate] = [],
    discipline: [DisciplineRecord] = [], leaderPersonIds: [String] = [],
    disciplinedLeaderPersonIds: [String] = [], assessedLevel: RatingLevel? = nil,
    selfAssessedLevel: RatingLevel? = nil
  ) {
    self.unitCode = unitCode
    self.year = year
    self.subjectName = subjectName
    self.scores = scores
    self.tasks = tasks
    self.targetsTotal = targetsTotal
    self.targetsMet = targetsMet
    self.subordinateUnitsTotal = subordinateUnitsTotal
    self.disciplinedSubordinates = disciplinedSubordinates
    self.discipline = discipline
    self.leaderPersonIds = leaderPersonIds
    self.disciplinedLeaderPersonIds = disciplinedLeaderPersonIds
    self.assessedLevel = assessedLevel
    self.selfAssessedLevel = selfAssessedLevel
  }
}
