extension IndicatorSet {
  /// Every problem of the set, by field path; empty when an operator's set (e.g. for the term
  /// 2025–2030) may be defined.
  ///
  /// Rules: the id follows ``CodeSyntax``; the version is 1 or more; name and resolution are
  /// given; the term is a period of type term (e.g. 2025-2030); there is at least one
  /// indicator; codes are unique letters, digits, `.` or `-`; each indicator has a name, a
  /// numerator and a denominator definition; a target lies between 0% and 100% and can be
  /// met (not "> 100%" nor "< 0%"); a computed indicator names a computation its source knows,
  /// with the parameters it needs, and a reported one names none; reporting kinds do not
  /// repeat; a term mapping has terms on both sides.
  public var validationProblems: [IndicatorSetError] {
    var problems: [IndicatorSetError] = []
    func fail(_ field: String, _ message: String) { problems.append(IndicatorSetError(field: field, message)) }
    if !CodeSyntax.isValid(id) { fail("id", CodeSyntax.problem(with: id)) }
    if version < 1 { fail("version", "must be 1 or more; got \(version)") }
    if name.normalizedText.isEmpty { fail("name", "is required: the set's Vietnamese name") }
    if resolution.document.normalizedText.isEmpty {
      fail("resolution.document", "is required: the resolution's number, e.g. 01-NQ/ĐUK")
    }
    if term.type != .term || !term.isValid {
      fail("term", "must be a term of years such as 2025-2030; got \(term)")
    }
    if indicators.isEmpty { fail("indicators", "a set needs at least one indicator") }
    var seen: [String: Int] = [:]
    for (index, indicator) in indicators.enumerated() {
      let at = "indicators[\(index)]"
      if !IndicatorSet.isValidIndicatorCode(indicator.code) {
        fail("\(at).code", "\"\(indicator.code)\" must be 1 to 16 letters, digits, '.' or '-', e.g. 3a")
      } else if let first = seen[indicator.code] {
        fail("\(at).code", "\"\(indicator.code)\" is used by indicators[\(first)] already")
      } else {
        seen[indicator.code] = index
      }
      if indicator.name.normalizedText.isEmpty { fail("\(at).name", "is required: the indicator's Vietnamese name") }
      if indicator.numeratorDefinition.normalizedText.isEmpty {
        fail("\(at).numerator_definition", "is required: what the numerator counts (tử số)")
      }
      if indicator.denominatorDefinition.normalizedText.isEmpty {
        fail("\(at).denominator_definition", "is required: what the denominator counts (mẫu số)")
      }
      problems += IndicatorSet.targetProblems(indicator.target, at: "\(at).target")
      problems += IndicatorSet.computationProblems(indicator, at: at)
      if Set(indicator.reportingUnitKinds).count != indicator.reportingUnitKinds.count {
        fail("\(at).reporting_unit_kinds", "lists a kind twice")
      }
      if let mapping = indicator.termMapping {
        if mapping.legacyTerms.isEmpty { fail("\(at).term_mapping.legacy_terms", "is required, e.g. [\"mức độ 3\", \"mức độ 4\"]") }
        if mapping.currentTerms.isEmpty { fail("\(at).term_mapping.current_terms", "is required, e.g. [\"toàn trình\", \"một phần\"]") }
        if !mapping.effectiveFrom.isSupported { fail("\(at).term_mapping.effective_from", "\(mapping.effectiveFrom) is not a date") }
      }
    }
    return problems
  }

  /// Indicator codes: 1–16 ASCII letters, digits, `.` or `-`.
  public static func isValidIndicatorCode(_ code: String) -> Bool {
    let bytes = code.utf8
    return (1...16).contains(bytes.count)
      && bytes.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
          || byte == 0x2e || byte == 0x2d
      }
  }

  private static func targetProblems(_ target: IndicatorTarget, at path: String) -> [IndicatorSetError] {
    let basisPoints = target.percent.basisPoints
    guard (0...10_000).contains(basisPoints) else {
      return [IndicatorSetError(field: "\(path).percent", "must be between 0 and 100; got \(target.percent.text)")]
    }
    if target.comparison == .greater && basisPoints == 10_000 {
      return [IndicatorSetError(field: "\(path).percent", "a share cannot be above 100%; write GREATER_OR_EQUAL 100")]
    }
    if target.comparison == .less && basisPoints == 0 {
      return [IndicatorSetError(field: "\(path).percent", "a share cannot be below 0%; write LESS_OR_EQUAL 0")]
    }
    return []
  }

  private static func computationProblems(_ indicator: IndicatorDefinition, at path: String) -> [IndicatorSetError] {
    if indicator.source == .reported {
      return indicator.computation.isEmpty
        ? []
        : [IndicatorSetError(field: "\(path).computation", "must be empty for a REPORTED indicator")]
    }
    let known = indicator.source.knownComputations
    guard known.contains(indicator.computation) else {
      return [
        IndicatorSetError(
          field: "\(path).computation",
          "\"\(indicator.computation)\" is not a computation of \(indicator.source.rawValue); use one of \(known.sorted().joined(separator: ", "))"
        )
      ]
    }
    if indicator.computation == MemberIndicators.studyComputation,
      (indicator.parameter(MemberIndicators.documentParameter) ?? "").isEmpty
    {
      return [
        IndicatorSetError(
          field: "\(path).parameters",
          "\(MemberIndicators.studyComputation) needs the parameter \"\(MemberIndicators.documentParameter)\": the document studied")
      ]
    }
    return []
  }
}
