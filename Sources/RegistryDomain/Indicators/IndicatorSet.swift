import ReformKit

/// A versioned set of indicators for one resolution and term (bộ chỉ tiêu), as `IndicatorSet`
/// in `indicator.proto`. Sets are data: a new term (2025–2030) is a new set, defined as JSON
/// without code; a correction is a new version.
///
/// ## Topics
/// - The shipped set: ``resolution01``, ``resolution01JSON``
/// - JSON: ``decode(json:)``, ``encodedJSON()``
/// - Checking an operator's set: ``validationProblems``
public struct IndicatorSet: Sendable, Hashable, Codable {
  /// Stable identifier, e.g. "01-NQ-DUK-2020-2025" (``CodeSyntax``).
  public var id: String
  /// 1 for the first version.
  public var version: Int
  /// E.g. "Chỉ tiêu cải cách hành chính theo Nghị quyết 01-NQ/ĐUK giai đoạn 2020–2025".
  public var name: String
  /// The resolution, e.g. 01-NQ/ĐUK of 31/12/2020.
  public var resolution: SourceRef
  /// The term it covers, a ``PeriodType/term`` period such as 2020–2025.
  public var term: Period
  /// Active or retired.
  public var status: IndicatorSetStatus
  /// The indicators.
  public var indicators: [IndicatorDefinition]
  /// Free text.
  public var note: String

  /// Makes a set.
  public init(
    id: String, version: Int = 1, name: String, resolution: SourceRef, term: Period,
    status: IndicatorSetStatus = .active, indicators: [IndicatorDefinition], note: String = ""
  ) {
    self.id = id
    self.version = version
    self.name = name
    self.resolution = resolution
    self.term = term
    self.status = status
    self.indicators = indicators
    self.note = note
  }

  /// The indicator with this code.
  public func indicator(_ code: String) -> IndicatorDefinition? {
    indicators.first { $0.code == code }
  }

  /// The indicators by display order, then code.
  public var orderedIndicators: [IndicatorDefinition] {
    indicators.enumerated().sorted { ($0.element.displayOrder, $0.offset) < ($1.element.displayOrder, $1.offset) }
      .map(\.element)
  }

  private enum CodingKeys: String, CodingKey { case id, version, name, resolution, term, status, indicators, note }

  /// Decodes, with `version` defaulting to 1, `status` to active and `note` to empty.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
    name = try c.decode(String.self, forKey: .name)
    resolution = try c.decode(SourceRef.self, forKey: .resolution)
    term = try c.decode(Period.self, forKey: .term)
    status = try c.decodeIfPresent(IndicatorSetStatus.self, forKey: .status) ?? .active
    indicators = try c.decode([IndicatorDefinition].self, forKey: .indicators)
    note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
  }
}
