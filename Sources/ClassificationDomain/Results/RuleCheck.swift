import ReformKit

/// One rule evaluated for one subject: whether it held, the level after it, and the figures
/// it compared (RatingRuleCheck in the proto).
public struct RuleCheck: Sendable, Hashable {
  /// The rule, shared by the checks of every subject of a run.
  private let applied: AppliedRule
  /// Whether it held.
  public var outcome: RuleOutcome
  /// The level after this rule.
  public var levelAfter: RatingLevel
  /// The figures compared.
  public var figures: RuleFigures

  /// A check of `applied` with `outcome`.
  init(_ applied: AppliedRule, _ outcome: RuleOutcome, levelAfter: RatingLevel, figures: RuleFigures) {
    self.applied = applied
    self.outcome = outcome
    self.levelAfter = levelAfter
    self.figures = figures
  }

  /// A check of `rule` as a store reads it back: the outcome, the level after it and the
  /// figures it compared, so that its explanation can be written again in either language.
  public init(rule: RatingRule, outcome: RuleOutcome, levelAfter: RatingLevel, figures: RuleFigures) {
    self.init(AppliedRule(rule, setKinds: rule.appliesTo ?? []), outcome, levelAfter: levelAfter, figures: figures)
  }

  /// The rule's id in its set.
  public var ruleId: String { applied.rule.id }
  /// What the rule checks.
  public var kind: RatingRuleKind { applied.rule.kind }
  /// The document and article it rests on.
  public var source: SourceRef { applied.rule.source }
  /// The rule in words (Vietnamese).
  public var text: String { applied.rule.text }
  /// The rule is a default its source does not confirm word for word.
  public var unconfirmed: Bool { applied.rule.unconfirmed }

  /// Checks are equal when they are of equal rules with the same outcome, level and figures.
  public static func == (left: RuleCheck, right: RuleCheck) -> Bool {
    (left.applied === right.applied || left.applied.rule == right.applied.rule)
      && left.outcome == right.outcome && left.levelAfter == right.levelAfter && left.figures == right.figures
  }

  /// Hashes the rule's id with the outcome, level and figures.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(applied.rule.id)
    hasher.combine(outcome)
    hasher.combine(levelAfter)
    hasher.combine(figures)
  }
}
