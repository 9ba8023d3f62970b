import ClassificationDomain
import Foundation
import ReformKit
import ReformWire

extension ResultRecord {
  /// The record of `rating` as a run stores it, read from the evaluation at `revision`.
  init(_ rating: ClassificationDomain.Rating, revision: Int64) {
    self.init(
      subjectKind: rating.subjectKind.wire.rawValue, subjectId: rating.subjectId, subjectName: rating.subjectName ?? "",
      unitCode: rating.unitCode, quotaUnitCode: rating.quotaUnitCode, dutyGroup: rating.dutyGroup ?? "",
      level: rating.level.rank, levelBeforeQuota: rating.levelBeforeQuota.rank, score: rating.scoreHundredths,
      quotaDemoted: rating.isQuotaDemoted, evaluationRevision: revision, checks: StoredChecks.encode(rating.checks),
      demotion: rating.quotaDemotion.map(StoredDemotion.encode))
  }

  /// The domain's rating read back, with its checks rebuilt from `ruleSet`, the set it was
  /// rated under.
  func rating(ruleSet: RuleSet) throws(StoreFailure) -> ClassificationDomain.Rating {
    let kind = try StoredValue.subjectKind(subjectKind)
    return ClassificationDomain.Rating(
      subjectKind: kind, subjectId: subjectId, subjectName: subjectName.isEmpty ? nil : subjectName, unitCode: unitCode,
      quotaUnitCode: quotaUnitCode, dutyGroup: dutyGroup.isEmpty ? nil : dutyGroup, year: year,
      level: try StoredChecks.level(UInt8(clamping: level)),
      levelBeforeQuota: try StoredChecks.level(UInt8(clamping: levelBeforeQuota)), scoreHundredths: score,
      checks: try StoredChecks.decode(checks, rules: ruleSet.rules),
      quotaDemotion: try demotion.map { bytes throws(StoreFailure) in try StoredDemotion.decode(bytes, quota: ruleSet.quota) },
      ruleSetId: ruleSetId, ruleSetVersion: ruleSetVersion)
  }
}
