import ClassificationDomain
import ReformWire

extension ClassificationDomain.RatingRuleKind {
  /// The kind `wire` names; `nil` for RATING_RULE_KIND_UNSPECIFIED or an unknown number.
  init?(wire: ReformWire.RatingRuleKind) {
    guard let kind = Self.allCases.first(where: { $0.wire == wire }) else { return nil }
    self = kind
  }

  /// The kind on the wire.
  var wire: ReformWire.RatingRuleKind {
    switch self {
    case .scoreThreshold: .scoreThreshold
    case .assessedLevel: .assessedLevel
    case .tasksOnTime: .tasksOnTime
    case .tasksExceeded: .tasksExceeded
    case .discipline: .discipline
    case .decline: .decline
    case .ledCollectiveLevel: .ledCollectiveLevel
    case .ledCollectiveTasks: .ledCollectiveTasks
    case .subordinateDiscipline: .subordinateDiscipline
    case .leadershipDiscipline: .leadershipDiscipline
    case .targetsMet: .targetsMet
    }
  }
}
