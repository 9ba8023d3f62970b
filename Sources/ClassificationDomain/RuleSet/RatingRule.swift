import ReformKit

/// One rule of a ``RuleSet``, with the source it rests on (quy tắc xếp loại).
///
/// A rule either sets the starting level (``RatingRuleKind/isStartingLevel``) or is a
/// condition that caps it at ``capLevel`` when it fails. Switching a rule off
/// (``enabled`` `false`) keeps it in every explanation as not applied.
public struct RatingRule: Sendable, Hashable, Codable {
  /// Unique within the set, e.g. `366.d11.htxsnv.tasks_exceeded`.
  public var id: String
  /// What the rule checks.
  public var kind: RatingRuleKind
  /// The document and article, e.g. Quy định 366-QĐ/TW, Điều 11, khoản 1.
  public var source: SourceRef
  /// The rule in words (Vietnamese), as shown in explanations.
  public var text: String
  /// Subjects the rule applies to; all of the set's when `nil`.
  public var appliesTo: [RatingSubjectKind]?
  /// ``RatingRuleKind/scoreThreshold``: the level reached. ``RatingRuleKind/ledCollectiveTasks``:
  /// the level the condition guards.
  public var level: RatingLevel?
  /// Condition rules: the best level left when the condition fails.
  public var capLevel: RatingLevel?
  /// The figures compared.
  public var parameters: RuleParameters
  /// A switched-off rule is listed in explanations as disabled and changes nothing.
  public var enabled: Bool
  /// A default the source does not confirm word for word; an operator decides.
  public var unconfirmed: Bool
  /// Why the rule reads as it does, where a reader would ask.
  public var note: String?

  /// A rule `id` of `kind` resting on `source`.
  public init(
    id: String, kind: RatingRuleKind, source: SourceRef, text: String,
    appliesTo: [RatingSubjectKind]? = nil, level: RatingLevel? = nil, capLevel: RatingLevel? = nil,
    parameters: RuleParameters = RuleParameters(), enabled: Bool = true, unconfirmed: Bool = false,
    note: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.source = source
    self.text = text
    self.appliesTo = appliesTo
    self.level = level
    self.capLevel = capLevel
    self.parameters = parameters
    self.enabled = enabled
    self.unconfirmed = unconfirmed
    self.note = note
  }

  private enum CodingKeys: String, CodingKey, CaseIterable {
    case id, kind, source, text, appliesTo, level, capLevel, parameters, enabled, unconfirmed, note
  }

  /// Reads a rule; `parameters` defaults to none, `enabled` to `true`, `unconfirmed` to
  /// `false`; unknown keys are refused.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    kind = try container.decode(RatingRuleKind.self, forKey: .kind)
    source = try container.decode(SourceRef.self, forKey: .source)
    text = try container.decode(String.self, forKey: .text)
    appliesTo = try container.decodeIfPresent([RatingSubjectKind].self, forKey: .appliesTo)
    level = try container.decodeIfPresent(RatingLevel.self, forKey: .level)
    capLevel = try container.decodeIfPresent(RatingLevel.self, forKey: .capLevel)
    parameters = try container.decodeIfPresent(RuleParameters.self, forKey: .parameters) ?? RuleParameters()
    enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
    unconfirmed = try container.decodeIfPresent(Bool.self, forKey: .unconfirmed) ?? false
    note = try container.decodeIfPresent(String.self, forKey: .note)
  }
}
