import ClassificationDomain
import ReformKit
import ReformWire

extension ClassificationDomain.RatingRule {
  /// The domain's rule of `wire`; what the proto can say wrong is recorded in `problems`, the
  /// rest is the domain's validation to check. `nil` when the kind is missing.
  init?(wire: ReformWire.RatingRule, problems: inout FieldProblems) {
    problems.checkLength(wire.id, "id", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.text, "text", limit: ClassificationLimits.textLength)
    problems.checkLength(wire.note, "note", limit: ClassificationLimits.textLength)
    let kind = ClassificationDomain.RatingRuleKind(wire: wire.kind)
    if kind == nil { problems.add("kind", "required: a RATING_RULE_KIND_*; got \(wire.kind)") }
    let source =
      wire.source.map { wireSource in
        problems.reading("source") { ReformKit.SourceRef(wire: wireSource, problems: &$0) }
      } ?? ReformKit.SourceRef(document: "")
    let kinds = Self.subjectKinds(wire.subjectKinds, field: "subject_kinds", problems: &problems)
    let level = ClassificationDomain.RatingLevel.optional(wire.level, field: "level", problems: &problems)
    let capLevel = ClassificationDomain.RatingLevel.optional(wire.capLevel, field: "cap_level", problems: &problems)
    let readsTable = kind == .ledCollectiveLevel
    if readsTable, capLevel != nil, !wire.parameters.contains(where: { $0.name == "min_collective_level" }) {
      problems.add("cap_level", "RATING_RULE_KIND_LED_COLLECTIVE_LEVEL reads cap_level only with min_collective_level")
    }
    let parameters = RuleParameters(wire: wire.parameters, kind: kind, capLevel: capLevel, problems: &problems)
    guard let kind else { return nil }
    self.init(
      id: wire.id, kind: kind, source: source, text: wire.text, appliesTo: kinds.isEmpty ? nil : kinds, level: level,
      // The leader–collective table holds the cap of a LED_COLLECTIVE_LEVEL rule.
      capLevel: readsTable ? nil : capLevel, parameters: parameters, enabled: wire.enabled,
      unconfirmed: wire.unconfirmed, note: wire.note.isEmpty ? nil : wire.note)
  }

  /// The rule on the wire.
  var wire: ReformWire.RatingRule {
    let (parameters, tableCap) = self.parameters.wire()
    return ReformWire.RatingRule(
      id: id, source: source.wire, text: text, kind: kind.wire, subjectKinds: appliesTo?.map(\.wire) ?? [],
      level: level?.wire ?? .unspecified, capLevel: (capLevel ?? tableCap)?.wire ?? .unspecified,
      parameters: parameters, enabled: enabled, unconfirmed: unconfirmed, note: note ?? "")
  }

  /// The subject kinds at `field`, each known.
  static func subjectKinds(
    _ wire: [ReformWire.RatingSubjectKind], field: String, problems: inout FieldProblems
  ) -> [ClassificationDomain.RatingSubjectKind] {
    problems.checkCount(wire.count, field, limit: 16)
    return wire.enumerated().compactMap { index, kind in
      guard let known = ClassificationDomain.RatingSubjectKind(wire: kind) else {
        problems.add("\(field)[\(index)]", "\(kind) is not a subject kind")
        return nil
      }
      return known
    }
  }
}
