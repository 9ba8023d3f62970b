/// What the quota orders HTXSNV subjects by: the lowest is demoted first.
struct DemotionKey: Sendable {
  var totalScore: Int
  var taskResultsScore: Int
  var exceeded: Int
  var onTime: Int
  /// The denominator of both shares; 1 when no tasks were recorded, so both shares read 0.
  var tasks: Int
  var subjectId: String

  /// The key of `subject`; its points count only when the set rates on points (they are not
  /// checked otherwise, and mean nothing to such a set).
  init(_ subject: RatingSubject, scored: Bool) {
    totalScore = scored ? subject.scores?.totalHundredths ?? 0 : 0
    taskResultsScore = scored ? subject.scores?.taskResultsHundredths ?? 0 : 0
    let tasks = subject.tasks.flatMap { $0.total > 0 ? $0 : nil }
    exceeded = tasks?.exceeded ?? 0
    onTime = tasks?.onTime ?? 0
    self.tasks = tasks?.total ?? 1
    subjectId = subject.id
  }

  /// -1 when `self` is demoted before `other` by `key`, 1 when after, 0 on a tie.
  func compare(_ other: DemotionKey, by key: TieBreakKey) -> Int {
    switch key {
    case .totalScore: Self.sign(totalScore, other.totalScore)
    case .taskResultsScore: Self.sign(taskResultsScore, other.taskResultsScore)
    case .exceededShare: Self.sign(exceeded * other.tasks, other.exceeded * tasks)
    case .onTimeShare: Self.sign(onTime * other.tasks, other.onTime * tasks)
    // The greater id goes first, as the proto's RatingTieBreakKey says.
    case .subjectId: subjectId == other.subjectId ? 0 : (subjectId > other.subjectId ? -1 : 1)
    }
  }

  private static func sign(_ left: Int, _ right: Int) -> Int { left < right ? -1 : (left > right ? 1 : 0) }
}
