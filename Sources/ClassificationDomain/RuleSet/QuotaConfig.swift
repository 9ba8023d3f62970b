import ReformKit

/// The quota on HTXSNV (tỷ lệ xếp loại "Hoàn thành xuất sắc nhiệm vụ").
///
/// Within each group the engine demotes HTXSNV to HTTNV, in ``tieBreak`` order, until the
/// HTXSNV count is at most the number allowed. Groups are each quota unit and, with
/// ``perDutyGroup``, also each group of similar duties within it: both limits hold at once.
/// With basis ``QuotaBasis/goodCount`` each demotion adds one to the HTTNV count, so the
/// number allowed is taken at the fixed point, not from the counts before demotion.
public struct QuotaConfig: Sendable, Hashable, Codable {
  /// Whether the quota is applied.
  public var enabled: Bool
  /// E.g. 2000 for 20%.
  public var shareBasisPoints: Int
  /// What the share is taken of.
  public var basis: QuotaBasis
  /// Apply within each quota unit (cơ quan, đơn vị); when `false`, one quota over the run.
  public var perUnit: Bool
  /// Also apply within each group of similar duties (Nghị định 335/2025/NĐ-CP).
  public var perDutyGroup: Bool
  /// Subjects the quota applies to.
  public var appliesTo: [RatingSubjectKind]
  /// How the number allowed is rounded.
  public var rounding: QuotaRounding
  /// Demotion order after total score; subject id is appended when missing.
  public var tieBreak: [TieBreakKey]
  /// Id under which the quota appears in explanations, e.g. `335.quota`.
  public var ruleId: String
  /// The document and article the quota rests on.
  public var source: SourceRef
  /// The quota in words (Vietnamese).
  public var text: String
  /// A default the source does not confirm word for word.
  public var unconfirmed: Bool
  /// Why the quota reads as it does.
  public var note: String?

  /// A quota of `shareBasisPoints` of the HTTNV count per unit, rounded down.
  public init(
    enabled: Bool = true, shareBasisPoints: Int, basis: QuotaBasis = .goodCount,
    perUnit: Bool = true, perDutyGroup: Bool = false, appliesTo: [RatingSubjectKind],
    rounding: QuotaRounding = .floor,
    tieBreak: [TieBreakKey] = QuotaConfig.defaultTieBreak,
    ruleId: String, source: SourceRef, text: String, unconfirmed: Bool = false, note: String? = nil
  ) {
    self.enabled = enabled
    self.shareBasisPoints = shareBasisPoints
    self.basis = basis
    self.perUnit = perUnit
    self.perDutyGroup = perDutyGroup
    self.appliesTo = appliesTo
    self.rounding = rounding
    self.tieBreak = tieBreak
    self.ruleId = ruleId
    self.source = source
    self.text = text
    self.unconfirmed = unconfirmed
    self.note = note
  }

  private enum CodingKeys: String, CodingKey, CaseIterable {
    case enabled, shareBasisPoints, basis, perUnit, perDutyGroup, appliesTo, rounding, tieBreak
    case ruleId, source, text, unconfirmed, note
  }

  /// Reads the quota; `enabled` and `perUnit` default to `true`, `perDutyGroup` and
  /// `unconfirmed` to `false`, basis to HTTNV count, rounding to floor, tie-break to task
  /// results score, exceeded share, subject id; unknown keys are refused.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
    shareBasisPoints = try container.decode(Int.self, forKey: .shareBasisPoints)
    basis = try container.decodeIfPresent(QuotaBasis.self, forKey: .basis) ?? .goodCount
    perUnit = try container.decodeIfPresent(Bool.self, forKey: .perUnit) ?? true
    perDutyGroup = try container.decodeIfPresent(Bool.self, forKey: .perDutyGroup) ?? false
    appliesTo = try container.decode([RatingSubjectKind].self, forKey: .appliesTo)
    rounding = try container.decodeIfPresent(QuotaRounding.self, forKey: .rounding) ?? .floor
    tieBreak = try container.decodeIfPresent([TieBreakKey].self, forKey: .tieBreak) ?? Self.defaultTieBreak
    ruleId = try container.decode(String.self, forKey: .ruleId)
    source = try container.decode(SourceRef.self, forKey: .source)
    text = try container.decode(String.self, forKey: .text)
    unconfirmed = try container.decodeIfPresent(Bool.self, forKey: .unconfirmed) ?? false
    note = try container.decodeIfPresent(String.self, forKey: .note)
  }

  /// After total score: the lower task results score, then the smaller share exceeded, then
  /// the greater subject id is demoted first.
  public static let defaultTieBreak: [TieBreakKey] = [.taskResultsScore, .exceededShare, .subjectId]

  /// The demotion keys after total score, ending with subject id.
  public var effectiveTieBreak: [TieBreakKey] {
    tieBreak.last == .subjectId ? tieBreak : tieBreak + [.subjectId]
  }
}
