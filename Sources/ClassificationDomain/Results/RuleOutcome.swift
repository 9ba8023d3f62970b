/// How a rule came out for one subject.
public enum RuleOutcome: String, Sendable, Hashable, Codable, CaseIterable {
  /// The condition held, or the threshold was reached.
  case held
  /// The condition failed, or the threshold was not reached.
  case failed
  /// The rule does not apply to this subject, e.g. a leader rule for someone who leads no unit.
  case notApplicable
  /// The rule is switched off in the set.
  case disabled
}
