import ReformKit

/// A demotion from HTXSNV to HTTNV by quota, and why this subject was the one demoted.
public struct QuotaDemotion: Sendable, Hashable {
  /// The quota's id in its set, e.g. `335.quota`.
  public var ruleId: String
  /// The document and article the quota rests on.
  public var source: SourceRef
  /// HTXSNV.
  public var fromLevel: RatingLevel
  /// HTTNV.
  public var toLevel: RatingLevel
  /// The group whose limit demoted the subject: its quota unit…
  public var quotaUnitCode: String
  /// …and its duty group; `nil` when the limit was the unit's as a whole.
  public var dutyGroup: String?
  /// The share applied (the exception's, when one raised it).
  public var shareBasisPoints: Int
  /// HTXSNV in the group when its limit was applied.
  public var excellentBefore: Int
  /// HTTNV in the group when its limit was applied.
  public var goodBefore: Int
  /// HTXSNV allowed once the group's demotions were done.
  public var allowedExcellent: Int
  /// How many the group demoted.
  public var demotedInGroup: Int
  /// 1 for the first subject demoted in the group, then 2, 3…
  public var demotionOrder: Int
  /// The key that put this subject below the lowest HTXSNV kept; `nil` when none was kept.
  public var decidedBy: TieBreakKey?
  /// The exception that applied to the group, if any.
  public var exceptionId: String?

  /// A demotion as the engine decided it, or as a store reads one back.
  public init(
    ruleId: String, source: SourceRef, fromLevel: RatingLevel, toLevel: RatingLevel, quotaUnitCode: String,
    dutyGroup: String?, shareBasisPoints: Int, excellentBefore: Int, goodBefore: Int, allowedExcellent: Int,
    demotedInGroup: Int, demotionOrder: Int, decidedBy: TieBreakKey?, exceptionId: String?
  ) {
    self.ruleId = ruleId
    self.source = source
    self.fromLevel = fromLevel
    self.toLevel = toLevel
    self.quotaUnitCode = quotaUnitCode
    self.dutyGroup = dutyGroup
    self.shareBasisPoints = shareBasisPoints
    self.excellentBefore = excellentBefore
    self.goodBefore = goodBefore
    self.allowedExcellent = allowedExcellent
    self.demotedInGroup = demotedInGroup
    self.demotionOrder = demotionOrder
    self.decidedBy = decidedBy
    self.exceptionId = exceptionId
  }

  /// Why, in words, e.g. "Nhóm có 20 HTTNV và 10 HTXSNV; tỷ lệ 20%: …".
  public func reason(in language: ExplanationLanguage) -> String {
    let share = FigureText.text(basisPoints: shareBasisPoints, language)
    let group =
      dutyGroup.map { language == .vietnamese ? "\(quotaUnitCode), nhóm \($0)" : "\(quotaUnitCode), duty group \($0)" }
      ?? quotaUnitCode
    switch language {
    case .vietnamese:
      let key =
        decidedBy.map { "; xếp sau người HTXSNV thấp nhất được giữ theo \($0.vietnameseName)" }
        ?? "; không còn ai được giữ HTXSNV"
      let exception = exceptionId.map { " (áp dụng ngoại lệ \($0))" } ?? ""
      return "Đơn vị \(group): \(excellentBefore) HTXSNV, \(goodBefore) HTTNV, tỷ lệ \(share)\(exception); "
        + "hạ \(demotedInGroup) người thì tối đa \(allowedExcellent) HTXSNV; người này hạ thứ \(demotionOrder)\(key)."
    case .english:
      let key =
        decidedBy.map { "; ranked below the lowest excellent kept by \($0.englishName)" } ?? "; no one kept excellent"
      let exception = exceptionId.map { " (exception \($0) applied)" } ?? ""
      return "Group \(group): \(excellentBefore) excellent, \(goodBefore) good, share \(share)\(exception); "
        + "demoting \(demotedInGroup) leaves at most \(allowedExcellent) excellent; "
        + "this subject was demoted \(demotionOrder)\(FigureText.ordinalSuffix(demotionOrder))\(key)."
    }
  }
}
