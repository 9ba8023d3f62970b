import ReformKit

/// How a notion a later regulation replaced maps onto the terms in force, as
/// `IndicatorTermMapping` in `indicator.proto`.
///
/// Nghị định 42/2022/NĐ-CP replaced "dịch vụ công trực tuyến mức độ 3, mức độ 4" with
/// "toàn trình" and "một phần"; indicators 3b–3d of 01-NQ/ĐUK are read through this mapping
/// from its effective date. It is data: an operator can change it with a new set version.
public struct IndicatorTermMapping: Sendable, Hashable, Codable {
  /// The terms the indicator's wording uses, e.g. "mức độ 3", "mức độ 4".
  public var legacyTerms: [String]
  /// The terms counted in their place, e.g. "toàn trình", "một phần".
  public var currentTerms: [String]
  /// From which date values are counted with ``currentTerms``.
  public var effectiveFrom: CivilDate
  /// The rule the mapping rests on.
  public var source: SourceRef
  /// The mapping in words, for reports and for the reporting clerk.
  public var note: String

  /// Makes a mapping.
  public init(legacyTerms: [String], currentTerms: [String], effectiveFrom: CivilDate, source: SourceRef, note: String) {
    self.legacyTerms = legacyTerms
    self.currentTerms = currentTerms
    self.effectiveFrom = effectiveFrom
    self.source = source
    self.note = note
  }

  /// The terms a value for `period` counts: the current ones when the period ends on or after
  /// ``effectiveFrom``, the legacy ones before.
  public func terms(for period: Period) -> [String] {
    period.lastDay >= effectiveFrom ? currentTerms : legacyTerms
  }
}
