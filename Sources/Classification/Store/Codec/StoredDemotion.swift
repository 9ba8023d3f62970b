import ClassificationDomain
import ReformKit

/// What the store keeps of a demotion by quota; its rule id and source come back from the
/// rule set's quota.
enum StoredDemotion {
  static func encode(_ demotion: QuotaDemotion) -> [UInt8] {
    var writer = ByteWriter()
    writer.byte(UInt8(demotion.fromLevel.rank))
    writer.byte(UInt8(demotion.toLevel.rank))
    writer.string(demotion.quotaUnitCode)
    writer.optionalString(demotion.dutyGroup)
    writer.int(demotion.shareBasisPoints)
    writer.int(demotion.excellentBefore)
    writer.int(demotion.goodBefore)
    writer.int(demotion.allowedExcellent)
    writer.int(demotion.demotedInGroup)
    writer.int(demotion.demotionOrder)
    writer.int(demotion.decidedBy.flatMap { key in TieBreakKey.allCases.firstIndex(of: key) }.map { $0 + 1 } ?? 0)
    writer.optionalString(demotion.exceptionId)
    return writer.bytes
  }

  static func decode(_ bytes: [UInt8], quota: QuotaConfig?) throws(StoreFailure) -> QuotaDemotion {
    guard let quota else { throw StoreFailure.damaged("a demotion is stored for a rule set without a quota") }
    var reader = ByteReader(bytes)
    let from = try StoredChecks.level(try reader.byte())
    let to = try StoredChecks.level(try reader.byte())
    let unit = try reader.string()
    let dutyGroup = try reader.optionalString()
    let share = try reader.int()
    let excellent = try reader.int()
    let good = try reader.int()
    let allowed = try reader.int()
    let demoted = try reader.int()
    let order = try reader.int()
    let keyIndex = try reader.int()
    guard (0...TieBreakKey.allCases.count).contains(keyIndex) else {
      throw StoreFailure.damaged("\(keyIndex) is not a stored tie-break key")
    }
    return QuotaDemotion(
      ruleId: quota.ruleId, source: quota.source, fromLevel: from, toLevel: to, quotaUnitCode: unit, dutyGroup: dutyGroup,
      shareBasisPoints: share, excellentBefore: excellent, goodBefore: good, allowedExcellent: allowed,
      demotedInGroup: demoted, demotionOrder: order, decidedBy: keyIndex == 0 ? nil : TieBreakKey.allCases[keyIndex - 1],
      exceptionId: try reader.optionalString())
  }
}
