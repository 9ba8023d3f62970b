import Foundation
import ReformKit

/// A versioned set of rating rules from one regulation (bộ quy tắc xếp loại), held as data:
/// a new regulation is a new JSON file read with ``decode(json:)``, never new code.
///
/// ## Topics
/// - Reading: ``decode(json:)``, ``decode(data:)``, ``validate()``
/// - Built in: ``quyDinh124``, ``quyDinh366``, ``nghiDinh335``, ``builtIn``,
///   ``builtIn(forYear:subjectKind:)``
/// - Applying: ``ClassificationEngine``
public struct RuleSet: Sendable, Hashable, Codable {
  /// Stable identifier: the document and the first year rated, e.g. `366-QD-TW-2025`.
  public var id: String
  /// 1 for the first version; a correction is a new version.
  public var version: Int
  /// E.g. "Quy định 366-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng…".
  public var title: String
  /// The regulation and its guidance, e.g. 366-QĐ/TW and Hướng dẫn 43-HD/BTCTW.
  public var sources: [SourceRef]
  /// The first year the set rates.
  public var validFromYear: Int
  /// The last year the set rates; open-ended when `nil`.
  public var validToYear: Int?
  /// Subjects the set rates (party members and collectives, or civil servants).
  public var appliesTo: [RatingSubjectKind]
  /// The set this one replaces, e.g. `124-QD-TW-2023` for `366-QD-TW-2025`.
  public var supersedes: String?
  /// The 100-point scale; `nil` when the set rates from the assessed level (124-QĐ/TW).
  public var scale: RatingScoreScale?
  /// In evaluation order: the rules that set the starting level, then the conditions.
  public var rules: [RatingRule]
  /// The HTXSNV quota; `nil` for none.
  public var quota: QuotaConfig?
  /// Anything an operator should know about the set.
  public var note: String?

  /// A rule set; check it with ``validate()``.
  public init(
    id: String, version: Int = 1, title: String, sources: [SourceRef], validFromYear: Int,
    validToYear: Int? = nil, appliesTo: [RatingSubjectKind], supersedes: String? = nil,
    scale: RatingScoreScale?, rules: [RatingRule], quota: QuotaConfig?, note: String? = nil
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.sources = sources
    self.validFromYear = validFromYear
    self.validToYear = validToYear
    self.appliesTo = appliesTo
    self.supersedes = supersedes
    self.scale = scale
    self.rules = rules
    self.quota = quota
    self.note = note
  }

  private enum CodingKeys: String, CodingKey, CaseIterable {
    case id, version, title, sources, validFromYear, validToYear, appliesTo, supersedes, scale
    case rules, quota, note
  }

  /// Reads a set; `version` defaults to 1; unknown keys are refused.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
    title = try container.decode(String.self, forKey: .title)
    sources = try container.decode([SourceRef].self, forKey: .sources)
    validFromYear = try container.decode(Int.self, forKey: .validFromYear)
    validToYear = try container.decodeIfPresent(Int.self, forKey: .validToYear)
    appliesTo = try container.decode([RatingSubjectKind].self, forKey: .appliesTo)
    supersedes = try container.decodeIfPresent(String.self, forKey: .supersedes)
    scale = try container.decodeIfPresent(RatingScoreScale.self, forKey: .scale)
    rules = try container.decode([RatingRule].self, forKey: .rules)
    quota = try container.decodeIfPresent(QuotaConfig.self, forKey: .quota)
    note = try container.decodeIfPresent(String.self, forKey: .note)
  }

  /// Whether the set rates `year`.
  public func applies(toYear year: Int) -> Bool {
    year >= validFromYear && year <= (validToYear ?? Int.max)
  }

  /// Whether the set rates on points rather than from the assessed level.
  public var isScored: Bool { scale != nil }
}
