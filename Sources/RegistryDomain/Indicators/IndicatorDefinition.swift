import ReformKit

/// One indicator of a set (chỉ tiêu), as `IndicatorDefinition` in `indicator.proto`: a
/// numerator over a denominator, per unit and period, compared with a target.
///
/// In JSON, only `code`, `name`, `numeratorDefinition`, `denominatorDefinition`, `source` and
/// `target` are required; the rest default as their doc comments say.
public struct IndicatorDefinition: Sendable, Hashable, Codable {
  /// Code within the set, e.g. "1", "3a", "4b".
  public var code: String
  /// Groups sub-indicators for display, e.g. "3" for 3a–3e; empty for none.
  public var groupCode: String
  /// Full Vietnamese name, as the resolution words it.
  public var name: String
  /// Short name for charts and table headers; empty means ``name``.
  public var shortName: String
  /// What the indicator measures and how to report it. Default empty.
  public var explanation: String
  /// What the numerator counts (tử số).
  public var numeratorDefinition: String
  /// What the denominator counts (mẫu số).
  public var denominatorDefinition: String
  /// Where values come from.
  public var source: IndicatorSource
  /// For computed sources, the built-in computation, e.g. "members.study"; empty for
  /// ``IndicatorSource/reported``.
  public var computation: String
  /// Parameters of the computation. Default none.
  public var parameters: [IndicatorParameter]
  /// The target.
  public var target: IndicatorTarget
  /// How values combine up the tree. Default ``IndicatorAggregation/sumRatio``.
  public var aggregation: IndicatorAggregation
  /// The period values are reported for. Default ``PeriodType/year``.
  public var periodType: PeriodType
  /// Units of these kinds are expected to report (or are computed for): the denominator of
  /// coverage. Default empty, meaning grassroots committees and grassroots cells.
  public var reportingUnitKinds: [UnitKind]
  /// What the indicator leaves out, e.g. secret documents for 3a. Default empty.
  public var exclusionNote: String
  /// Present when the wording uses terms a later regulation replaced. Default none.
  public var termMapping: IndicatorTermMapping?
  /// Where the indicator and its target come from. Default none.
  public var sourceRef: SourceRef?
  /// Display order within the set, ascending. Default 0.
  public var displayOrder: Int

  /// Makes a definition.
  public init(
    code: String, groupCode: String = "", name: String, shortName: String = "", explanation: String = "",
    numeratorDefinition: String, denominatorDefinition: String, source: IndicatorSource, computation: String = "",
    parameters: [IndicatorParameter] = [], target: IndicatorTarget, aggregation: IndicatorAggregation = .sumRatio,
    periodType: PeriodType = .year, reportingUnitKinds: [UnitKind] = [], exclusionNote: String = "",
    termMapping: IndicatorTermMapping? = nil, sourceRef: SourceRef? = nil, displayOrder: Int = 0
  ) {
    self.code = code
    self.groupCode = groupCode
    self.name = name
    self.shortName = shortName
    self.explanation = explanation
    self.numeratorDefinition = numeratorDefinition
    self.denominatorDefinition = denominatorDefinition
    self.source = source
    self.computation = computation
    self.parameters = parameters
    self.target = target
    self.aggregation = aggregation
    self.periodType = periodType
    self.reportingUnitKinds = reportingUnitKinds
    self.exclusionNote = exclusionNote
    self.termMapping = termMapping
    self.sourceRef = sourceRef
    self.displayOrder = displayOrder
  }

  /// The kinds expected to report, the default applied.
  public var effectiveReportingKinds: Set<UnitKind> {
    reportingUnitKinds.isEmpty ? [.grassrootsCommittee, .grassrootsCell] : Set(reportingUnitKinds)
  }

  /// The value of a parameter, or `nil`.
  public func parameter(_ name: String) -> String? {
    parameters.first { $0.name == name }?.value
  }

  /// ``shortName``, or ``name`` when there is none.
  public var displayName: String { shortName.isEmpty ? name : shortName }

  private enum CodingKeys: String, CodingKey {
    case code, groupCode, name, shortName, explanation, numeratorDefinition, denominatorDefinition, source
    case computation, parameters, target, aggregation, periodType, reportingUnitKinds, exclusionNote, termMapping
    case sourceRef, displayOrder
  }

  /// Decodes, applying the defaults of the optional fields.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    code = try c.decode(String.self, forKey: .code)
    groupCode = try c.decodeIfPresent(String.self, forKey: .groupCode) ?? ""
    name = try c.decode(String.self, forKey: .name)
    shortName = try c.decodeIfPresent(String.self, forKey: .shortName) ?? ""
    explanation = try c.decodeIfPresent(String.self, forKey: .explanation) ?? ""
    numeratorDefinition = try c.decode(String.self, forKey: .numeratorDefinition)
    denominatorDefinition = try c.decode(String.self, forKey: .denominatorDefinition)
    source = try c.decode(IndicatorSource.self, forKey: .source)
    computation = try c.decodeIfPresent(String.self, forKey: .computation) ?? ""
    parameters = try c.decodeIfPresent([IndicatorParameter].self, forKey: .parameters) ?? []
    target = try c.decode(IndicatorTarget.self, forKey: .target)
    aggregation = try c.decodeIfPresent(IndicatorAggregation.self, forKey: .aggregation) ?? .sumRatio
    periodType = try c.decodeIfPresent(PeriodType.self, forKey: .periodType) ?? .year
    reportingUnitKinds = try c.decodeIfPresent([UnitKind].self, forKey: .reportingUnitKinds) ?? []
    exclusionNote = try c.decodeIfPresent(String.self, forKey: .exclusionNote) ?? ""
    termMapping = try c.decodeIfPresent(IndicatorTermMapping.self, forKey: .termMapping)
    sourceRef = try c.decodeIfPresent(SourceRef.self, forKey: .sourceRef)
    displayOrder = try c.decodeIfPresent(Int.self, forKey: .displayOrder) ?? 0
  }
}
