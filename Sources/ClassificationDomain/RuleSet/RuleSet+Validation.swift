extension RuleSet {
  /// Checks that the set holds together: every field in range, every rule with the level,
  /// cap and parameters its kind reads and no others, thresholds in order, and the quota
  /// well formed.
  ///
  /// - Throws: ``RuleSetError`` naming the first bad field.
  public func validate() throws(RuleSetError) {
    try require(
      !id.isEmpty && !id.contains(where: \.isWhitespace), "id", "must be non-empty, without spaces, e.g. 366-QD-TW-2025"
    )
    try require(version >= 1, "version", "\(version) is not a version; versions start at 1")
    try require(!title.isEmpty, "title", "required")
    try require(!sources.isEmpty, "sources", "name at least the regulation the set implements")
    for (index, source) in sources.enumerated() {
      try require(!source.document.isEmpty, "sources[\(index)].document", "required")
    }
    try require((1900...9999).contains(validFromYear), "validFromYear", "\(validFromYear) is not a year")
    if let validToYear {
      try require(
        validToYear >= validFromYear, "validToYear", "\(validToYear) is before validFromYear \(validFromYear)")
    }
    try require(!appliesTo.isEmpty, "appliesTo", "name at least one subject kind")
    try requireUnique(appliesTo, "appliesTo")
    if let scale {
      // A bound far above the 100-point scale keeps every sum of points clear of overflow.
      try require(
        (1...1_000_000).contains(scale.commonCriteriaMaxHundredths), "scale.commonCriteriaMaxHundredths",
        "\(scale.commonCriteriaMaxHundredths) is outside 1…1000000")
      try require(
        (1...1_000_000).contains(scale.taskResultsMaxHundredths), "scale.taskResultsMaxHundredths",
        "\(scale.taskResultsMaxHundredths) is outside 1…1000000")
    }
    try validateRules()
    if let quota { try validate(quota) }
  }

  private func validateRules() throws(RuleSetError) {
    try require(!rules.isEmpty, "rules", "a set needs at least the rules that set the starting level")
    var ids: [String: Int] = [:]
    var conditionSeen: Int?
    var thresholds: [(index: Int, level: RatingLevel, min: Int)] = []
    var assessedRules = 0
    for (index, rule) in rules.enumerated() {
      let at = "rules[\(index)]"
      try require(!rule.id.isEmpty, "\(at).id", "required")
      if let first = ids[rule.id] {
        throw RuleSetError(field: "\(at).id", "\"\(rule.id)\" is already the id of rules[\(first)]")
      }
      ids[rule.id] = index
      try require(!rule.source.document.isEmpty, "\(at).source.document", "every rule names its source")
      try require(!rule.text.isEmpty, "\(at).text", "required: the rule in words, shown in explanations")
      if let kinds = rule.appliesTo {
        try require(!kinds.isEmpty, "\(at).appliesTo", "leave it out to apply to every subject of the set")
        try requireUnique(kinds, "\(at).appliesTo")
        for (position, kind) in kinds.enumerated() where !appliesTo.contains(kind) {
          throw RuleSetError(field: "\(at).appliesTo[\(position)]", "\(kind.rawValue) is not rated by this set")
        }
      }
      if rule.kind.isStartingLevel {
        if let conditionSeen {
          throw RuleSetError(
            field: "\(at).kind",
            "\(rule.kind.rawValue) sets the starting level and must come before the condition rules[\(conditionSeen)]")
        }
      } else if conditionSeen == nil {
        conditionSeen = index
      }
      try validateShape(rule, at: at)
      switch rule.kind {
      case .scoreThreshold:
        guard let scale else {
          throw RuleSetError(
            field: "\(at).kind", "scoreThreshold needs a scale; a set without one rates from assessedLevel")
        }
        let min = rule.parameters.minHundredths ?? 0
        try require(
          (1...scale.totalMaxHundredths).contains(min), "\(at).parameters.minHundredths",
          "\(min) is outside 1…\(scale.totalMaxHundredths), the scale's total")
        if let level = rule.level {
          if let other = thresholds.first(where: { $0.level == level }) {
            throw RuleSetError(
              field: "\(at).level", "\(level.rawValue) already has its threshold in rules[\(other.index)]")
          }
          thresholds.append((index, level, min))
        }
      case .assessedLevel:
        try require(scale == nil, "\(at).kind", "assessedLevel is for sets without a scale; this set rates on points")
        assessedRules += 1
      default:
        break
      }
    }
    if scale != nil {
      try require(!thresholds.isEmpty, "rules", "a set with a scale needs scoreThreshold rules")
      for threshold in thresholds {
        for other in thresholds where other.level.isBetter(than: threshold.level) && other.min <= threshold.min {
          throw RuleSetError(
            field: "rules[\(threshold.index)].parameters.minHundredths",
            "\(threshold.min) for \(threshold.level.rawValue) must be below \(other.min) "
              + "for the better level \(other.level.rawValue)"
          )
        }
      }
    } else {
      try require(assessedRules == 1, "rules", "a set without a scale needs exactly one assessedLevel rule")
    }
  }

  /// The level, cap and parameters `rule`'s kind reads, and no others.
  private func validateShape(_ rule: RatingRule, at: String) throws(RuleSetError) {
    typealias Key = RuleParameters.CodingKeys
    let required: [Key]
    var optional: [Key] = []
    switch rule.kind {
    case .scoreThreshold: required = [.minHundredths]
    case .assessedLevel, .decline: required = []
    case .tasksOnTime, .tasksExceeded, .targetsMet: required = [.minShareBasisPoints]
    case .discipline:
      required = [.minDisciplineLevel]
      optional = [.systems, .spareSelfDetected]
    case .ledCollectiveLevel: required = [.collectiveCaps]
    case .ledCollectiveTasks: required = [.minOnTimeBasisPoints, .minExceededBasisPoints]
    case .subordinateDiscipline:
      required = [.maxShareBasisPoints]
      optional = [.spareSelfDetected]
    case .leadershipDiscipline: required = [.maxCount]
    }
    let present = rule.parameters.presentKeys
    for key in required where !present.contains(key) {
      throw RuleSetError(field: "\(at).parameters.\(key.stringValue)", "required by \(rule.kind.rawValue)")
    }
    for key in present where !required.contains(key) && !optional.contains(key) {
      throw RuleSetError(
        field: "\(at).parameters.\(key.stringValue)", "\(rule.kind.rawValue) does not read it; remove it")
    }

    let needsLevel = rule.kind == .scoreThreshold || rule.kind == .ledCollectiveTasks
    let needsCap = !rule.kind.isStartingLevel && rule.kind != .ledCollectiveLevel
    if needsLevel {
      guard let level = rule.level else {
        throw RuleSetError(field: "\(at).level", "required by \(rule.kind.rawValue)")
      }
      try require(
        level != .khtnv || rule.kind != .scoreThreshold, "\(at).level",
        "KHTNV is what remains below every threshold; it has no threshold of its own")
    } else {
      try require(rule.level == nil, "\(at).level", "\(rule.kind.rawValue) does not read it; remove it")
    }
    if needsCap {
      guard let cap = rule.capLevel else {
        throw RuleSetError(field: "\(at).capLevel", "required: the best level left when the condition fails")
      }
      if let level = rule.level {
        try require(
          level.isBetter(than: cap), "\(at).capLevel",
          "\(cap.rawValue) must be worse than the guarded level \(level.rawValue)")
      }
    } else {
      try require(rule.capLevel == nil, "\(at).capLevel", "\(rule.kind.rawValue) does not read it; remove it")
    }

    let parameters = rule.parameters
    try requireShare(parameters.minShareBasisPoints, "\(at).parameters.minShareBasisPoints")
    try requireShare(parameters.maxShareBasisPoints, "\(at).parameters.maxShareBasisPoints")
    try requireShare(parameters.minOnTimeBasisPoints, "\(at).parameters.minOnTimeBasisPoints")
    try requireShare(parameters.minExceededBasisPoints, "\(at).parameters.minExceededBasisPoints")
    if let maxCount = parameters.maxCount {
      try require(
        (0...ClassificationInput.maximumCount).contains(maxCount), "\(at).parameters.maxCount",
        "\(maxCount) is outside 0…\(ClassificationInput.maximumCount)")
    }
    if let systems = parameters.systems {
      try require(!systems.isEmpty, "\(at).parameters.systems", "leave it out to count every system")
      try requireUnique(systems, "\(at).parameters.systems")
    }
    if let caps = parameters.collectiveCaps {
      for level in RatingLevel.allCases {
        let rows = caps.indices.filter { caps[$0].collectiveLevel == level }
        try require(
          !rows.isEmpty, "\(at).parameters.collectiveCaps",
          "no row for a collective rated \(level.rawValue); give one row per level")
        try require(
          rows.count == 1, "\(at).parameters.collectiveCaps[\(rows.last ?? 0)].collectiveLevel",
          "\(level.rawValue) has more than one row")
      }
    }
  }

  private func validate(_ quota: QuotaConfig) throws(RuleSetError) {
    try requireShare(quota.shareBasisPoints, "quota.shareBasisPoints")
    try require(!quota.appliesTo.isEmpty, "quota.appliesTo", "name the subject kinds the quota limits")
    try requireUnique(quota.appliesTo, "quota.appliesTo")
    for (position, kind) in quota.appliesTo.enumerated() where !appliesTo.contains(kind) {
      throw RuleSetError(field: "quota.appliesTo[\(position)]", "\(kind.rawValue) is not rated by this set")
    }
    try requireUnique(quota.tieBreak, "quota.tieBreak")
    for (position, key) in quota.tieBreak.enumerated() {
      try require(
        key != .totalScore, "quota.tieBreak[\(position)]", "total score always comes first; list only the keys after it"
      )
      try require(
        key != .subjectId || position == quota.tieBreak.count - 1, "quota.tieBreak[\(position)]",
        "subject id decides last; move it to the end")
    }
    try require(!quota.ruleId.isEmpty, "quota.ruleId", "required: the id explanations show")
    try require(!rules.contains { $0.id == quota.ruleId }, "quota.ruleId", "\"\(quota.ruleId)\" is already a rule's id")
    try require(!quota.source.document.isEmpty, "quota.source.document", "the quota names its source")
    try require(!quota.text.isEmpty, "quota.text", "required: the quota in words")
  }

  private func require(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) throws(RuleSetError) {
    if !condition { throw RuleSetError(field: field, message()) }
  }

  private func requireShare(_ value: Int?, _ field: String) throws(RuleSetError) {
    if let value {
      try require((0...10_000).contains(value), field, "\(value) is outside 0…10000 basis points (0–100%)")
    }
  }

  private func requireUnique<Value: Hashable & RawRepresentable>(
    _ values: [Value], _ field: String
  ) throws(RuleSetError) where Value.RawValue == String {
    var seen = Set<Value>()
    for (position, value) in values.enumerated() where !seen.insert(value).inserted {
      throw RuleSetError(field: "\(field)[\(position)]", "\(value.rawValue) is listed twice")
    }
  }
}
