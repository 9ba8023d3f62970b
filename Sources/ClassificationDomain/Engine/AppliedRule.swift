/// A rule of the engine's set, prepared once per engine: the checks of every subject share it
/// rather than each copying the rule's id, source and text, and the rating loop reads its
/// fields in place.
final class AppliedRule: Sendable {
  /// The rule as the set gives it.
  let rule: RatingRule
  /// ``RatingRule/kind``.
  let kind: RatingRuleKind
  /// ``RatingRule/enabled``.
  let enabled: Bool
  /// ``RatingRule/level``.
  let level: RatingLevel?
  /// ``RatingRule/capLevel``.
  let capLevel: RatingLevel?
  /// ``RatingRule/parameters``.
  let parameters: RuleParameters
  /// Indexed by ``RatingSubjectKind/order``: whether the rule reads subjects of that kind.
  private let readsKind: [Bool]

  init(_ rule: RatingRule, setKinds: [RatingSubjectKind]) {
    self.rule = rule
    kind = rule.kind
    enabled = rule.enabled
    level = rule.level
    capLevel = rule.capLevel
    parameters = rule.parameters
    let listed = rule.appliesTo ?? setKinds
    var readsKind = [Bool](repeating: false, count: RatingSubjectKind.allCases.count + 1)
    for kind in listed {
      // Collective rules read collectives, leader rules people, whatever the list says.
      switch rule.kind {
      case .subordinateDiscipline, .leadershipDiscipline, .targetsMet: readsKind[kind.order] = kind == .collective
      case .ledCollectiveLevel, .ledCollectiveTasks: readsKind[kind.order] = kind.isPerson
      default: readsKind[kind.order] = true
      }
    }
    self.readsKind = readsKind
  }

  /// Whether the rule reads subjects of `kind`.
  func reads(_ kind: RatingSubjectKind) -> Bool { readsKind[kind.order] }
}
