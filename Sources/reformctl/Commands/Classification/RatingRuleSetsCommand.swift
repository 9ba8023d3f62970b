import ArgumentParser
import ReformWire

/// `reformctl rating rule-sets`: the rule sets the module knows (shipped and defined), by
/// `Classification.ListRuleSets`, every page.
struct RatingRuleSetsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "rule-sets", abstract: "List the rule sets: id, version, name, the years and subjects they rate, rules and quota.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "Only sets that apply to this year.") var year: Int32 = 0

  @Option(help: "Only sets rating this subject kind.") var kind: RatingKindArgument?

  @Flag(help: "Every version, not only the latest.") var allVersions = false

  func run() async throws {
    let base = ClassificationListRuleSetsRequest(year: year, subjectKind: kind?.kind ?? .unspecified, allVersions: allVersions)
    let timeout = options.callTimeout
    let sets = try await options.withClient { client in
      try await client.everyPage(ClassificationService.ListRuleSets.self, items: \.ruleSets, page: \.page, timeout: timeout) {
        var request = base
        request.page = PageRequest(pageSize: 100, pageToken: $0)
        return request
      }.items
    }
    guard !sets.isEmpty else {
      print("no rule sets match")
      return
    }
    var table = TextTable([
      .text("ID"), .number("VERSION"), .text("NAME"), .text("YEARS"), .text("KINDS"), .number("RULES"), .text("QUOTA"),
      .text("SOURCES"),
    ])
    for set in sets {
      table.append([
        set.id, String(set.version), set.name, RatingRuleSetCommand.years(set),
        set.subjectKinds.map(RatingText.kind).joined(separator: ","), String(set.rules.count),
        RatingRuleSetCommand.quotaLine(set.quota), Format.orDash(set.sources.map(\.document).joined(separator: ", ")),
      ])
    }
    print(table.render())
  }
}

/// `reformctl rating rule-set 366-QD-TW`: one rule set in full — its sources, scale, every
/// rule in evaluation order with its parameters and source, and the quota.
struct RatingRuleSetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rule-set",
    abstract: "Show one rule set in full: sources, scale, each rule with its source and parameters, the quota.",
    discussion: "Rules marked [unconfirmed] are defaults the source does not state word for word. \(ExitStatus.help)"
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The rule set's id, e.g. 366-QD-TW.") var id: String

  @Option(help: "The version; the latest when omitted.") var version: Int32 = 0

  func run() async throws {
    let request = ClassificationGetRuleSetRequest(id: id, version: version)
    let response = try await options.call(ClassificationService.GetRuleSet.self, request)
    print(Self.render(response.ruleSet ?? RatingRuleSet()))
  }

  static func render(_ set: RatingRuleSet) -> String {
    var lines: [String] = []
    lines.append("\(set.id) version \(set.version): \(set.name)")
    lines.append("rates \(set.subjectKinds.map(RatingText.kind).joined(separator: ", ")) for \(years(set))")
    for source in set.sources { lines.append("source: \(RatingText.citation(source))\(source.issued.map { " (\(RatingText.date($0)))" } ?? "")") }
    if !set.supersedesId.isEmpty { lines.append("replaces \(set.supersedesId)") }
    if let scale = set.scale {
      lines.append(
        "scale: common criteria \(RatingText.points(scale.commonCriteriaMaxHundredths)) + task results "
          + "\(RatingText.points(scale.taskResultsMaxHundredths)) points")
    } else {
      lines.append("no points: rated from the assessed level")
    }
    if !set.note.isEmpty { lines.append("note: \(set.note)") }
    lines.append("sha-256 \(Format.orDash(set.contentSha256)), loaded \(Format.wallClock(set.loadedAt))")
    lines.append("")
    for (index, rule) in set.rules.enumerated() {
      var flags: [String] = []
      if !rule.enabled { flags.append("[disabled]") }
      if rule.unconfirmed { flags.append("[unconfirmed]") }
      let header = ["\(index + 1). \(rule.id)", RatingText.ruleKind(rule.kind)] + flags
      lines.append(header.joined(separator: " "))
      lines.append("   \(rule.text)")
      var facts = ["source: \(RatingText.citation(rule.source))"]
      if rule.level.rawValue != 0 { facts.append("level \(RatingText.level(rule.level))") }
      if rule.capLevel.rawValue != 0 { facts.append("else at best \(RatingText.level(rule.capLevel))") }
      if !rule.subjectKinds.isEmpty { facts.append("for \(rule.subjectKinds.map(RatingText.kind).joined(separator: ", "))") }
      lines.append("   " + facts.joined(separator: "; "))
      if !rule.parameters.isEmpty { lines.append("   " + rule.parameters.map(parameter).joined(separator: ", ")) }
      if !rule.note.isEmpty { lines.append("   note: \(rule.note)") }
    }
    lines.append("")
    lines.append("quota: \(quotaLine(set.quota))")
    if let quota = set.quota, quota.enabled {
      if !quota.text.isEmpty { lines.append("   \(quota.text)") }
      lines.append(
        "   \(quota.ruleId), source \(RatingText.citation(quota.source))\(quota.unconfirmed ? " [unconfirmed]" : ""); "
          + "for \(quota.subjectKinds.map(RatingText.kind).joined(separator: ", ")); rounding "
          + "\(Format.enumName(quota.rounding.description, prefix: "RATING_QUOTA_ROUNDING_"))")
      // Total score always comes first, and subject id last, as the engine orders them.
      let keys = [RatingTieBreakKey.totalScore] + quota.tieBreak.filter { $0 != .totalScore && $0 != .subjectId }
      let lower = keys.map(RatingText.tieBreak).joined(separator: ", then the lower ")
      lines.append("   demoted first: the lower \(lower), then the greater subject id")
      if !quota.note.isEmpty { lines.append("   note: \(quota.note)") }
    }
    return lines.joined(separator: "\n")
  }

  /// The years a set rates, e.g. `2025 onwards` or `2023–2024`.
  static func years(_ set: RatingRuleSet) -> String {
    let from = set.effectiveFrom.map { String($0.year) } ?? "?"
    guard let to = set.effectiveTo, to.year != 0 else { return "\(from) onwards" }
    return "\(from)–\(to.year)"
  }

  /// The quota in a few words, e.g. `20.00% of HTTNV per unit and duty group`.
  static func quotaLine(_ quota: RatingQuotaConfig?) -> String {
    guard let quota, quota.enabled else { return "none" }
    let basis = quota.basis == .ratedCount ? "of those rated" : "of HTTNV"
    let within = quota.perUnit ? (quota.perDutyGroup ? "per unit and duty group" : "per unit") : (quota.perDutyGroup ? "per duty group" : "over the run")
    return "\(RatingText.share(quota.shareBasisPoints)) \(basis) \(within)"
  }

  /// `name=value`.
  static func parameter(_ parameter: RatingRuleParameter) -> String {
    let value: String
    switch parameter.value {
    case .intValue(let number)?: value = String(number)
    case .textValue(let text)?: value = text
    case .flagValue(let flag)?: value = flag ? "true" : "false"
    case .levelValue(let level)?: value = RatingText.level(level)
    case .disciplineLevelValue(let level)?: value = Format.enumName(level.description, prefix: "DISCIPLINE_LEVEL_")
    case nil: value = "-"
    }
    return "\(parameter.name)=\(value)"
  }
}
