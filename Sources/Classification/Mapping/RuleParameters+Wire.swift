import ClassificationDomain
import ReformWire

extension RuleParameters {
  /// The parameter names the proto uses, each with the domain's key it fills; the
  /// leader–collective table has its own names (see ``init(wire:kind:capLevel:problems:)``).
  static let wireNames: [String: String] = [
    "min_hundredths": "minHundredths", "min_share_basis_points": "minShareBasisPoints",
    "max_share_basis_points": "maxShareBasisPoints", "max_count": "maxCount",
    "min_discipline_level": "minDisciplineLevel", "systems": "systems", "spare_self_detected": "spareSelfDetected",
    "min_on_time_basis_points": "minOnTimeBasisPoints", "min_exceeded_basis_points": "minExceededBasisPoints",
  ]

  /// The names of the leader–collective table's rows: the best level a leader keeps when the
  /// collective they lead is rated at the level in the name.
  static let capRowNames: [(name: String, level: ClassificationDomain.RatingLevel)] = [
    ("leader_at_best_when_htxsnv", .htxsnv), ("leader_at_best_when_httnv", .httnv),
    ("leader_at_best_when_htnv", .htnv), ("leader_at_best_when_khtnv", .khtnv),
  ]

  /// The parameters of a rule of `kind` from the proto's named list.
  ///
  /// RATING_RULE_KIND_LED_COLLECTIVE_LEVEL reads its table one of three ways: no parameter
  /// (a leader no better than the collective); `min_collective_level` with the rule's
  /// `cap_level` (leaders capped at `cap_level` when the collective is rated below it); or all
  /// four `leader_at_best_when_<level>` rows. Which figures a kind reads is the domain's to
  /// check: a figure it does not read is refused there.
  init(
    wire: [RatingRuleParameter], kind: ClassificationDomain.RatingRuleKind?, capLevel: ClassificationDomain.RatingLevel?,
    problems: inout FieldProblems
  ) {
    self.init()
    problems.checkCount(wire.count, "parameters", limit: ClassificationLimits.rulesPerSet)
    var seen: [String: Int] = [:]
    var minCollective: ClassificationDomain.RatingLevel?
    var rows: [ClassificationDomain.RatingLevel: ClassificationDomain.RatingLevel] = [:]
    for (index, parameter) in wire.enumerated() {
      let at = "parameters[\(index)]"
      if let first = seen.updateValue(index, forKey: parameter.name) {
        problems.add("\(at).name", "\"\(parameter.name)\" is already given in parameters[\(first)]")
        continue
      }
      switch parameter.name {
      case "min_hundredths": minHundredths = Self.int(parameter, at, &problems)
      case "min_share_basis_points": minShareBasisPoints = Self.int(parameter, at, &problems)
      case "max_share_basis_points": maxShareBasisPoints = Self.int(parameter, at, &problems)
      case "max_count": maxCount = Self.int(parameter, at, &problems)
      case "min_on_time_basis_points": minOnTimeBasisPoints = Self.int(parameter, at, &problems)
      case "min_exceeded_basis_points": minExceededBasisPoints = Self.int(parameter, at, &problems)
      case "min_discipline_level":
        guard case .disciplineLevelValue(let value)? = parameter.value,
          let level = ClassificationDomain.DisciplineLevel(wire: value)
        else {
          problems.add("\(at).discipline_level_value", "required: a disciplinary measure, ADMONITION or REPRIMAND … DISSOLUTION")
          continue
        }
        minDisciplineLevel = level
      case "systems":
        guard case .textValue(let text)? = parameter.value else {
          problems.add("\(at).text_value", "required: systems separated by '|', e.g. PARTY|ADMINISTRATIVE")
          continue
        }
        var systems: [ClassificationDomain.DisciplineSystem] = []
        for part in text.split(separator: "|", omittingEmptySubsequences: false) {
          guard let system = ClassificationDomain.DisciplineSystem(parameterText: String(part)) else {
            problems.add("\(at).text_value", "\"\(part)\" is not a discipline system; expected PARTY or ADMINISTRATIVE")
            continue
          }
          systems.append(system)
        }
        self.systems = systems
      case "spare_self_detected":
        guard case .flagValue(let flag)? = parameter.value else {
          problems.add("\(at).flag_value", "required: true or false")
          continue
        }
        spareSelfDetected = flag
      case "min_collective_level":
        guard case .levelValue(let value)? = parameter.value, let level = ClassificationDomain.RatingLevel(wire: value)
        else {
          problems.add("\(at).level_value", "required: a rating level")
          continue
        }
        minCollective = level
      default:
        if let row = Self.capRowNames.first(where: { $0.name == parameter.name }) {
          guard case .levelValue(let value)? = parameter.value, let level = ClassificationDomain.RatingLevel(wire: value)
          else {
            problems.add("\(at).level_value", "required: a rating level")
            continue
          }
          rows[row.level] = level
        } else {
          let known = (Array(Self.wireNames.keys) + ["min_collective_level"] + Self.capRowNames.map(\.name)).sorted()
          problems.add("\(at).name", "unknown parameter \"\(parameter.name)\"; expected one of: \(known.joined(separator: ", "))")
        }
      }
    }
    let tableGiven = minCollective != nil || !rows.isEmpty
    guard kind == .ledCollectiveLevel else {
      if tableGiven {
        problems.add("parameters", "min_collective_level and leader_at_best_when_* are read only by RATING_RULE_KIND_LED_COLLECTIVE_LEVEL")
      }
      return
    }
    if minCollective != nil, !rows.isEmpty {
      problems.add("parameters", "give either min_collective_level (with cap_level) or the leader_at_best_when_* rows, not both")
    }
    if let minCollective {
      guard let capLevel else {
        problems.add("cap_level", "required with min_collective_level: the best level left to a leader of a collective rated below it")
        return
      }
      collectiveCaps = ClassificationDomain.RatingLevel.allCases.map { level in
        LeaderCap(collectiveLevel: level, leaderAtBest: level.rank > minCollective.rank ? capLevel : .htxsnv)
      }
    } else if !rows.isEmpty {
      collectiveCaps = Self.capRowNames.compactMap { row in
        rows[row.level].map { LeaderCap(collectiveLevel: row.level, leaderAtBest: $0) }
      }
    } else {
      collectiveCaps = ClassificationDomain.RatingLevel.allCases.map { LeaderCap(collectiveLevel: $0, leaderAtBest: $0) }
    }
  }

  private static func int(_ parameter: RatingRuleParameter, _ at: String, _ problems: inout FieldProblems) -> Int? {
    guard case .intValue(let value)? = parameter.value else {
      problems.add("\(at).int_value", "required: \(parameter.name) is a number")
      return nil
    }
    return Int(value)
  }

  /// The parameters as the proto's named list, with the leader–collective table in its
  /// shortest form and the cap level that form needs on the rule.
  func wire() -> (parameters: [RatingRuleParameter], capLevel: ClassificationDomain.RatingLevel?) {
    var list: [RatingRuleParameter] = []
    func int(_ name: String, _ value: Int?) {
      if let value { list.append(RatingRuleParameter(name: name, value: .intValue(Int64(value)))) }
    }
    int("min_hundredths", minHundredths)
    int("min_share_basis_points", minShareBasisPoints)
    int("max_share_basis_points", maxShareBasisPoints)
    int("max_count", maxCount)
    if let minDisciplineLevel {
      list.append(RatingRuleParameter(name: "min_discipline_level", value: .disciplineLevelValue(minDisciplineLevel.wire)))
    }
    if let systems {
      let text = systems.map(\.parameterText).joined(separator: "|")
      list.append(RatingRuleParameter(name: "systems", value: .textValue(text)))
    }
    if let spareSelfDetected {
      list.append(RatingRuleParameter(name: "spare_self_detected", value: .flagValue(spareSelfDetected)))
    }
    int("min_on_time_basis_points", minOnTimeBasisPoints)
    int("min_exceeded_basis_points", minExceededBasisPoints)
    var capLevel: ClassificationDomain.RatingLevel?
    if let caps = collectiveCaps {
      let table = Dictionary(caps.map { ($0.collectiveLevel, $0.leaderAtBest) }, uniquingKeysWith: { first, _ in first })
      if ClassificationDomain.RatingLevel.allCases.allSatisfy({ table[$0] == $0 }) {
        // The default: a leader no better than the collective, which needs no parameter.
      } else if let (minimum, cap) = Self.thresholdForm(table) {
        list.append(RatingRuleParameter(name: "min_collective_level", value: .levelValue(minimum.wire)))
        capLevel = cap
      } else {
        for row in Self.capRowNames {
          if let best = table[row.level] { list.append(RatingRuleParameter(name: row.name, value: .levelValue(best.wire))) }
        }
      }
    }
    return (list, capLevel)
  }

  /// The table as "below `minimum`, at best `cap`; otherwise uncapped", when it has that form.
  private static func thresholdForm(
    _ table: [ClassificationDomain.RatingLevel: ClassificationDomain.RatingLevel]
  ) -> (ClassificationDomain.RatingLevel, ClassificationDomain.RatingLevel)? {
    let levels = ClassificationDomain.RatingLevel.allCases
    guard let firstCapped = levels.firstIndex(where: { table[$0] != .htxsnv }), firstCapped > 0,
      let cap = table[levels[firstCapped]], cap != .htxsnv,
      levels[firstCapped...].allSatisfy({ table[$0] == cap })
    else { return nil }
    return (levels[firstCapped - 1], cap)
  }
}
