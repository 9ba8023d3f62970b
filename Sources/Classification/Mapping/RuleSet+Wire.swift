import ClassificationDomain
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension RuleSet {
  /// The domain's set of `wire`, checked by the domain (``RuleSet/validate()``).
  ///
  /// The proto dates a set (`effective_from`, `effective_to`) while the domain rates whole
  /// years: a set rates year Y when 31 December of Y lies in the range, so it rates from the
  /// year of `effective_from` to the year of `effective_to` (the year before, unless
  /// `effective_to` is 31 December). A quota without text gets one written from its figures.
  ///
  /// - Parameter version: the version the set is stored under.
  /// - Throws: `INVALID_ARGUMENT` naming the first bad field as `rule_set.<path>`.
  init(wire: RatingRuleSet, version: Int) throws(RPCError) {
    var problems = FieldProblems(prefix: "rule_set.")
    problems.checkLength(wire.id, "id", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.name, "name", limit: ClassificationLimits.nameLength)
    problems.checkLength(wire.note, "note", limit: ClassificationLimits.textLength)
    problems.checkLength(wire.supersedesId, "supersedes_id", limit: ClassificationLimits.codeLength)
    problems.checkCount(wire.sources.count, "sources", limit: ClassificationLimits.rulesPerSet)
    problems.checkCount(wire.rules.count, "rules", limit: ClassificationLimits.rulesPerSet)
    let sources = wire.sources.enumerated().map { index, source in
      problems.reading("sources[\(index)]") { ReformKit.SourceRef(wire: source, problems: &$0) }
    }
    var fromYear = 0
    if let from = wire.effectiveFrom {
      let date = CivilDate(wire: from)
      if date.isValid { fromYear = date.year } else { problems.add("effective_from", "\(date) is not a date") }
    } else {
      problems.add("effective_from", "required: the date the set comes into force")
    }
    var toYear: Int?
    if let to = wire.effectiveTo {
      let date = CivilDate(wire: to)
      if !date.isValid {
        problems.add("effective_to", "\(date) is not a date")
      } else {
        let last = date.month == 12 && date.day == 31 ? date.year : date.year - 1
        toYear = last
        if fromYear > 0, last < fromYear {
          problems.add("effective_to", "\(date) leaves no 31 December from effective_from on: the set would rate no year")
        }
      }
    }
    let kinds = ClassificationDomain.RatingRule.subjectKinds(wire.subjectKinds, field: "subject_kinds", problems: &problems)
    let scale = wire.scale.map {
      RatingScoreScale(
        commonCriteriaMaxHundredths: Int($0.commonCriteriaMaxHundredths),
        taskResultsMaxHundredths: Int($0.taskResultsMaxHundredths))
    }
    let rules = wire.rules.enumerated().compactMap { index, rule in
      problems.reading("rules[\(index)]") { ClassificationDomain.RatingRule(wire: rule, problems: &$0) }
    }
    let quota = wire.quota.map { wireQuota in
      problems.reading("quota") { QuotaConfig(wire: wireQuota, problems: &$0) }
    }
    try problems.throwFirst()
    self.init(
      id: wire.id, version: version, title: wire.name, sources: sources, validFromYear: fromYear, validToYear: toYear,
      appliesTo: kinds, supersedes: wire.supersedesId.isEmpty ? nil : wire.supersedesId, scale: scale, rules: rules,
      quota: quota, note: wire.note.isEmpty ? nil : wire.note)
    do {
      try validate()
    } catch {
      throw RPCError(code: .invalidArgument, message: "rule_set.\(Self.protoField(error.field, in: wire)): \(error.message)")
    }
  }

  /// The set on the wire. Without the dates it was defined with, it is dated 1 January of its
  /// first year to 31 December of its last.
  func wire(
    effectiveFrom: CalendarDate? = nil, effectiveTo: CalendarDate? = nil, sha256: String, loadedAt: Timestamp?
  ) -> RatingRuleSet {
    RatingRuleSet(
      id: id, version: Int32(clamping: version), name: title, sources: sources.map(\.wire),
      effectiveFrom: effectiveFrom ?? CivilDate(validFromYear, 1, 1).wire,
      effectiveTo: effectiveTo ?? validToYear.map { CivilDate($0, 12, 31).wire },
      subjectKinds: appliesTo.map(\.wire),
      scale: scale.map {
        ReformWire.RatingScoreScale(
          commonCriteriaMaxHundredths: Int32(clamping: $0.commonCriteriaMaxHundredths),
          taskResultsMaxHundredths: Int32(clamping: $0.taskResultsMaxHundredths))
      },
      rules: rules.map(\.wire), quota: quota?.wire, supersedesId: supersedes ?? "", note: note ?? "",
      contentSha256: sha256, loadedAt: loadedAt)
  }

  /// The proto path of the domain's `field` (`rules[3].parameters.minHundredths` →
  /// `rules[3].parameters[1]`, the entry that names it, or `rules[3].parameters` when none
  /// does).
  static func protoField(_ field: String, in wire: RatingRuleSet) -> String {
    let renames = [
      "title": "name", "validFromYear": "effective_from", "validToYear": "effective_to", "appliesTo": "subject_kinds",
      "supersedes": "supersedes_id",
    ]
    if let entry = FieldPath.entry(field), entry.list == "rules", entry.rest.hasPrefix("parameters") {
      let at = "rules[\(entry.index)].parameters"
      let name = entry.rest.dropFirst("parameters.".count).prefix { $0 != "[" && $0 != "." }
      let wireName = FieldPath.snakeCased(String(name))
      let parameters = entry.index < wire.rules.count ? wire.rules[entry.index].parameters : []
      if let position = parameters.firstIndex(where: { $0.name == wireName }) { return "\(at)[\(position)]" }
      return at
    }
    return FieldPath.proto(field, renames: renames)
  }
}
