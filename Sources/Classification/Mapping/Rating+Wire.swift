import ClassificationDomain
import ReformWire

extension ClassificationDomain.Rating {
  /// The rating on the wire, as kept under `runId`. Checks are written only when asked for:
  /// they are most of a rating's size.
  func wire(
    runId: String, locked: Bool, supersededBy: String?, ratedAt: Timestamp?, includeChecks: Bool = true
  ) -> ReformWire.Rating {
    ReformWire.Rating(
      runId: runId, subjectKind: subjectKind.wire, subjectId: subjectId, subjectName: subjectName ?? "",
      unitCode: unitCode, quotaUnitCode: quotaUnitCode, dutyGroup: dutyGroup ?? "", year: Int32(clamping: year),
      level: level.wire, levelBeforeQuota: levelBeforeQuota.wire, scored: scored,
      scoreHundredths: Int32(clamping: scoreHundredths ?? 0), checks: includeChecks ? checks.map(\.wire) : [],
      quotaDemotion: quotaDemotion?.wire, locked: locked, supersededByRunId: supersededBy ?? "", ruleSetId: ruleSetId,
      ruleSetVersion: Int32(clamping: ruleSetVersion), ratedAt: ratedAt)
  }
}

extension RuleCheck {
  /// The check on the wire, its figures written in Vietnamese.
  var wire: RatingRuleCheck {
    RatingRuleCheck(
      ruleId: ruleId, kind: kind.wire, source: source.wire, text: text, outcome: outcome.wire,
      levelAfter: levelAfter.wire, detail: detail(in: .vietnamese))
  }
}

extension QuotaDemotion {
  /// The demotion on the wire, its reason in Vietnamese.
  var wire: RatingQuotaDemotion {
    RatingQuotaDemotion(
      ruleId: ruleId, source: source.wire, fromLevel: fromLevel.wire, toLevel: toLevel.wire,
      quotaUnitCode: quotaUnitCode, dutyGroup: dutyGroup ?? "", shareBasisPoints: Int32(clamping: shareBasisPoints),
      excellentBefore: Int64(excellentBefore), goodBefore: Int64(goodBefore),
      allowedExcellent: Int64(allowedExcellent), demotionOrder: Int32(clamping: demotionOrder),
      decidedBy: decidedBy?.wire ?? .unspecified, exceptionId: exceptionId ?? "", reason: reason(in: .vietnamese))
  }
}

extension QuotaGroupOutcome {
  /// The group's arithmetic on the wire. An unlimited group reports as many allowed as it had.
  var wire: RatingQuotaGroupOutcome {
    RatingQuotaGroupOutcome(
      quotaUnitCode: quotaUnitCode, dutyGroup: dutyGroup ?? "", subjectKind: subjectKind.wire,
      excellentBefore: Int64(excellentBefore), goodBefore: Int64(goodBefore),
      allowedExcellent: Int64(allowedExcellent ?? excellentBefore), demoted: Int64(demoted),
      excellentAfter: Int64(excellentAfter), goodAfter: Int64(goodAfter), exceptionId: exceptionId ?? "")
  }
}

extension ClassificationDomain.ClassificationRunIssue {
  /// The issue on the wire.
  var wire: ReformWire.ClassificationRunIssue {
    ReformWire.ClassificationRunIssue(code: code, subjectKind: subjectKind.wire, subjectId: subjectId, message: message)
  }
}
