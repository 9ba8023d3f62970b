import ReformKit

/// The figures a rule compares against. Each ``RatingRuleKind`` reads some of them (listed
/// with the kind); a rule set that sets one its kind does not read is refused, so that a
/// figure can never look as if it applied when it does not.
public struct RuleParameters: Sendable, Hashable, Codable {
  /// ``RatingRuleKind/scoreThreshold``: the least total, in hundredths.
  public var minHundredths: Int?
  /// ``RatingRuleKind/tasksOnTime``, ``RatingRuleKind/tasksExceeded``,
  /// ``RatingRuleKind/targetsMet``: the least share, in basis points.
  public var minShareBasisPoints: Int?
  /// ``RatingRuleKind/subordinateDiscipline``: the greatest share allowed, in basis points.
  public var maxShareBasisPoints: Int?
  /// ``RatingRuleKind/leadershipDiscipline``: the greatest count allowed.
  public var maxCount: Int?
  /// ``RatingRuleKind/discipline``: the least severe measure that triggers the rule.
  public var minDisciplineLevel: DisciplineLevel?
  /// ``RatingRuleKind/discipline``: the systems whose decisions count; all when `nil`.
  public var systems: [DisciplineSystem]?
  /// ``RatingRuleKind/discipline``, ``RatingRuleKind/subordinateDiscipline``: violations the
  /// subject's own unit found and dealt with do not count. `false` when `nil`.
  public var spareSelfDetected: Bool?
  /// ``RatingRuleKind/ledCollectiveTasks``: the led collective's least on-time share.
  public var minOnTimeBasisPoints: Int?
  /// ``RatingRuleKind/ledCollectiveTasks``: the led collective's least exceeded share.
  public var minExceededBasisPoints: Int?
  /// ``RatingRuleKind/ledCollectiveLevel``: one row per collective level.
  public var collectiveCaps: [LeaderCap]?

  /// Parameters with the given figures set.
  public init(
    minHundredths: Int? = nil, minShareBasisPoints: Int? = nil, maxShareBasisPoints: Int? = nil,
    maxCount: Int? = nil, minDisciplineLevel: DisciplineLevel? = nil,
    systems: [DisciplineSystem]? = nil, spareSelfDetected: Bool? = nil,
    minOnTimeBasisPoints: Int? = nil, minExceededBasisPoints: Int? = nil,
    collectiveCaps: [LeaderCap]? = nil
  ) {
    self.minHundredths = minHundredths
    self.minShareBasisPoints = minShareBasisPoints
    self.maxShareBasisPoints = maxShareBasisPoints
    self.maxCount = maxCount
    self.minDisciplineLevel = minDisciplineLevel
    self.systems = systems
    self.spareSelfDetected = spareSelfDetected
    self.minOnTimeBasisPoints = minOnTimeBasisPoints
    self.minExceededBasisPoints = minExceededBasisPoints
    self.collectiveCaps = collectiveCaps
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case minHundredths, minShareBasisPoints, maxShareBasisPoints, maxCount, minDisciplineLevel
    case systems, spareSelfDetected, minOnTimeBasisPoints, minExceededBasisPoints, collectiveCaps
  }

  /// Reads the parameters; a key no kind reads is refused.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    minHundredths = try container.decodeIfPresent(Int.self, forKey: .minHundredths)
    minShareBasisPoints = try container.decodeIfPresent(Int.self, forKey: .minShareBasisPoints)
    maxShareBasisPoints = try container.decodeIfPresent(Int.self, forKey: .maxShareBasisPoints)
    maxCount = try container.decodeIfPresent(Int.self, forKey: .maxCount)
    minDisciplineLevel = try container.decodeIfPresent(DisciplineLevel.self, forKey: .minDisciplineLevel)
    systems = try container.decodeIfPresent([DisciplineSystem].self, forKey: .systems)
    spareSelfDetected = try container.decodeIfPresent(Bool.self, forKey: .spareSelfDetected)
    minOnTimeBasisPoints = try container.decodeIfPresent(Int.self, forKey: .minOnTimeBasisPoints)
    minExceededBasisPoints = try container.decodeIfPresent(Int.self, forKey: .minExceededBasisPoints)
    collectiveCaps = try container.decodeIfPresent([LeaderCap].self, forKey: .collectiveCaps)
  }

  /// The names of the parameters that are set, in declaration order.
  var presentKeys: [CodingKeys] {
    var keys: [CodingKeys] = []
    if minHundredths != nil { keys.append(.minHundredths) }
    if minShareBasisPoints != nil { keys.append(.minShareBasisPoints) }
    if maxShareBasisPoints != nil { keys.append(.maxShareBasisPoints) }
    if maxCount != nil { keys.append(.maxCount) }
    if minDisciplineLevel != nil { keys.append(.minDisciplineLevel) }
    if systems != nil { keys.append(.systems) }
    if spareSelfDetected != nil { keys.append(.spareSelfDetected) }
    if minOnTimeBasisPoints != nil { keys.append(.minOnTimeBasisPoints) }
    if minExceededBasisPoints != nil { keys.append(.minExceededBasisPoints) }
    if collectiveCaps != nil { keys.append(.collectiveCaps) }
    return keys
  }
}
