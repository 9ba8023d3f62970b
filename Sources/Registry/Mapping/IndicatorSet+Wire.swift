import ReformKit
import ReformModule
import Foundation
import RegistryDomain
import ReformWire

extension IndicatorSet {
  /// The most indicators one set may hold.
  static let maxIndicators = 200

  /// The set a wire `IndicatorSet` describes; `defined_by` and `defined_at` are ignored.
  /// An unset `status` is ACTIVE and an unset `period_type` YEAR; a version of 0 is left 0 for
  /// the caller to number.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming the field under `field` (e.g.
  ///   `indicator_set.indicators[2].target.value`) for a value that does not read; the set's
  ///   rules are checked later, by the domain.
  init(wire set: ReformWire.IndicatorSet, field: String) throws {
    guard set.indicators.count <= IndicatorSet.maxIndicators else {
      throw FieldError.tooLarge(field + ".indicators", "at most \(IndicatorSet.maxIndicators) indicators; got \(set.indicators.count)")
    }
    guard let resolution = set.resolution else {
      throw FieldError.invalid(field + ".resolution", "is required: the resolution, e.g. {document: \"01-NQ/ĐUK\"}")
    }
    var indicators: [IndicatorDefinition] = []
    for (index, indicator) in set.indicators.enumerated() {
      indicators.append(try IndicatorDefinition(wire: indicator, field: "\(field).indicators[\(index)]"))
    }
    self.init(
      id: try TextLimit.short.checked(set.id, field: field + ".id"), version: Int(set.version),
      name: try TextLimit.short.checked(set.name, field: field + ".name"),
      resolution: try SourceRef(wire: resolution, field: field + ".resolution"),
      term: try Period.required(set.term, field: field + ".term"),
      status: try set.status.domain(field: field + ".status") ?? .active, indicators: indicators,
      note: try TextLimit.long.checked(set.note, field: field + ".note"))
  }

  /// The set on the wire, with who defined it and when.
  func wire(definedBy: ActorRef?, definedAt: Date?) -> ReformWire.IndicatorSet {
    ReformWire.IndicatorSet(
      id: id, version: Int32(clamping: version), name: name, resolution: resolution.wire, term: term.wire,
      status: ReformWire.IndicatorSetStatus(status), indicators: indicators.map(\.wire), note: note,
      definedBy: definedBy?.wire, definedAt: definedAt.map(Timestamp.init))
  }
}

extension IndicatorDefinition {
  /// The definition a wire `IndicatorDefinition` describes.
  init(wire indicator: ReformWire.IndicatorDefinition, field: String) throws {
    guard let target = indicator.target else {
      throw FieldError.invalid(field + ".target", "is required, e.g. {comparison: TARGET_COMPARISON_GREATER_OR_EQUAL, value: {numerator: 1, denominator: 1}}")
    }
    guard indicator.parameters.count <= 50, indicator.reportingUnitKinds.count <= 10 else {
      throw FieldError.tooLarge(field, "at most 50 parameters and 10 reporting unit kinds")
    }
    var kinds: [UnitKind] = []
    for (index, kind) in indicator.reportingUnitKinds.enumerated() {
      kinds.append(try kind.required(field: "\(field).reporting_unit_kinds[\(index)]"))
    }
    var parameters: [IndicatorParameter] = []
    for (index, parameter) in indicator.parameters.enumerated() {
      parameters.append(
        IndicatorParameter(
          name: try TextLimit.short.checked(parameter.name, field: "\(field).parameters[\(index)].name"),
          value: try TextLimit.short.checked(parameter.value, field: "\(field).parameters[\(index)].value")))
    }
    self.init(
      code: try TextLimit.short.checked(indicator.code, field: field + ".code"),
      groupCode: try TextLimit.short.checked(indicator.groupCode, field: field + ".group_code"),
      name: try TextLimit.short.checked(indicator.name, field: field + ".name"),
      shortName: try TextLimit.short.checked(indicator.shortName, field: field + ".short_name"),
      explanation: try TextLimit.long.checked(indicator.explanation, field: field + ".explanation"),
      numeratorDefinition: try TextLimit.long.checked(indicator.numeratorDefinition, field: field + ".numerator_definition"),
      denominatorDefinition: try TextLimit.long.checked(indicator.denominatorDefinition, field: field + ".denominator_definition"),
      source: try indicator.source.required(field: field + ".source"),
      computation: try TextLimit.short.checked(indicator.computation, field: field + ".computation"),
      parameters: parameters, target: try IndicatorTarget(wire: target, field: field + ".target"),
      aggregation: try indicator.aggregation.required(field: field + ".aggregation"),
      periodType: try indicator.periodType.domain(field: field + ".period_type") ?? .year, reportingUnitKinds: kinds,
      exclusionNote: try TextLimit.long.checked(indicator.exclusionNote, field: field + ".exclusion_note"),
      termMapping: try indicator.termMapping.map { mapping throws in
        try IndicatorTermMapping(wire: mapping, field: field + ".term_mapping")
      },
      sourceRef: try SourceRef.optional(indicator.sourceRef, field: field + ".source_ref"),
      displayOrder: Int(indicator.displayOrder))
  }

  /// The definition on the wire.
  var wire: ReformWire.IndicatorDefinition {
    ReformWire.IndicatorDefinition(
      code: code, groupCode: groupCode, name: name, shortName: shortName, explanation: explanation,
      numeratorDefinition: numeratorDefinition, denominatorDefinition: denominatorDefinition,
      source: ReformWire.IndicatorSource(source), computation: computation,
      parameters: parameters.map { ReformWire.IndicatorParameter(name: $0.name, value: $0.value) }, target: target.wire,
      aggregation: ReformWire.IndicatorAggregation(aggregation), periodType: ReformWire.PeriodType(periodType),
      reportingUnitKinds: reportingUnitKinds.map(ReformWire.UnitKind.init), exclusionNote: exclusionNote,
      termMapping: termMapping?.wire, sourceRef: sourceRef?.wire, displayOrder: Int32(clamping: displayOrder))
  }
}

extension IndicatorTarget {
  /// The target a wire `IndicatorTarget` describes. Its value must be a whole number of
  /// hundredths of a percent (4/5, 1/1, 3333/10000), since targets are compared exactly.
  init(wire target: ReformWire.IndicatorTarget, field: String) throws {
    let comparison = try target.comparison.required(field: field + ".comparison")
    guard let value = target.value else {
      throw FieldError.invalid(field + ".value", "is required: the target share, e.g. {numerator: 4, denominator: 5} for 80%")
    }
    guard value.denominator > 0, value.numerator >= 0 else {
      throw FieldError.invalid(field + ".value", "\(value.numerator)/\(value.denominator) must have a positive denominator and a numerator of 0 or more")
    }
    let scaled = Int128(value.numerator) * 10_000
    let denominator = Int128(value.denominator)
    guard scaled % denominator == 0, scaled / denominator <= 1_000_000 else {
      throw FieldError.invalid(
        field + ".value", "\(value.numerator)/\(value.denominator) is not a whole number of hundredths of a percent; write e.g. 4/5 or 3333/10000")
    }
    self.init(
      comparison, Percentage(basisPoints: Int(scaled / denominator)),
      wording: try TextLimit.short.checked(target.wording, field: field + ".wording"))
  }

  /// The target on the wire, its share as a fraction in lowest terms (80% is 4/5).
  var wire: ReformWire.IndicatorTarget {
    let basisPoints = Int64(percent.basisPoints)
    var a = Swift.abs(basisPoints)
    var b: Int64 = 10_000
    while b != 0 { (a, b) = (b, a % b) }
    let divisor = Swift.max(a, 1)
    return ReformWire.IndicatorTarget(
      comparison: ReformWire.TargetComparison(comparison),
      value: IndicatorRatio(numerator: basisPoints / divisor, denominator: 10_000 / divisor), wording: wording)
  }
}

extension IndicatorTermMapping {
  /// The mapping a wire `IndicatorTermMapping` describes.
  init(wire mapping: ReformWire.IndicatorTermMapping, field: String) throws {
    guard mapping.legacyTerms.count <= 50, mapping.currentTerms.count <= 50 else {
      throw FieldError.tooLarge(field, "at most 50 terms on each side")
    }
    var legacy: [String] = []
    for (index, term) in mapping.legacyTerms.enumerated() {
      legacy.append(try TextLimit.short.checked(term, field: "\(field).legacy_terms[\(index)]"))
    }
    var current: [String] = []
    for (index, term) in mapping.currentTerms.enumerated() {
      current.append(try TextLimit.short.checked(term, field: "\(field).current_terms[\(index)]"))
    }
    self.init(
      legacyTerms: legacy, currentTerms: current,
      effectiveFrom: try CivilDate.required(mapping.effectiveFrom, field: field + ".effective_from", what: "the date the current terms count from"),
      source: try SourceRef.optional(mapping.source, field: field + ".source") ?? SourceRef(document: ""),
      note: try TextLimit.long.checked(mapping.note, field: field + ".note"))
  }

  /// The mapping on the wire.
  var wire: ReformWire.IndicatorTermMapping {
    ReformWire.IndicatorTermMapping(
      legacyTerms: legacyTerms, currentTerms: currentTerms, effectiveFrom: effectiveFrom.wire,
      source: source.document.isEmpty ? nil : source.wire, note: note)
  }
}
