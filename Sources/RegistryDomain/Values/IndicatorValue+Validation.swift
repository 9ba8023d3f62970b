extension IndicatorValue {
  /// Every problem of the value against its set and the tree.
  ///
  /// Rules: the set is the one given; the indicator is in it; counts are 0 to
  /// ``Ratio/largestCount`` and the numerator is at most the denominator (every indicator is
  /// a share); the unit exists, is of a kind the indicator expects to report, and is open at some time in the period; the
  /// period has the indicator's type, lies within the set's term, and is a real period.
  /// `origin` decides whether computed indicators are accepted: only computed values may fill
  /// them.
  public func problems(in set: IndicatorSet, tree: UnitTree) -> [IndicatorValueError] {
    var problems: [IndicatorValueError] = []
    if key.setID != set.id {
      problems.append(IndicatorValueError(.notFound, field: "set_id", "indicator set \"\(key.setID)\" does not exist"))
    }
    if let indicator = set.indicator(key.indicatorCode) {
      if indicator.source != .reported && origin != .computed {
        problems.append(
          IndicatorValueError(
            .failedPrecondition, field: "indicator_code",
            "indicator \(indicator.code) is computed (\(indicator.source.rawValue)), not reported; the registry computes it"))
      }
      if key.period.type != indicator.periodType {
        problems.append(
          IndicatorValueError(
            field: "period", "indicator \(indicator.code) is reported per \(indicator.periodType.rawValue); got \(key.period)"))
      }
      if let unit = tree.unit(key.unitCode), !indicator.effectiveReportingKinds.contains(unit.kind) {
        let kinds = UnitKind.allCases.filter(indicator.effectiveReportingKinds.contains).map(\.rawValue)
        problems.append(
          IndicatorValueError(
            .failedPrecondition, field: "unit_code",
            "indicator \(indicator.code) is reported by \(kinds.joined(separator: ", ")); \"\(unit.code)\" is \(unit.kind.rawValue)"))
      }
    } else {
      problems.append(
        IndicatorValueError(
          .notFound, field: "indicator_code", "set \(set.id) has no indicator \"\(key.indicatorCode)\""))
    }
    if let unit = tree.unit(key.unitCode) {
      let openInPeriod = unit.opened <= key.period.lastDay && (unit.closed.map { $0 > key.period.firstDay } ?? true)
      if !openInPeriod {
        problems.append(
          IndicatorValueError(
            .failedPrecondition, field: "unit_code", "unit \"\(unit.code)\" was not open during \(key.period)"))
      }
    } else {
      problems.append(IndicatorValueError(.notFound, field: "unit_code", "unit \"\(key.unitCode)\" does not exist"))
    }
    if !key.period.isValid {
      problems.append(IndicatorValueError(field: "period", "\(key.period) is not a period"))
    } else if !key.period.lies(within: set.term) {
      problems.append(IndicatorValueError(field: "period", "\(key.period) lies outside the set's term \(set.term)"))
    }
    for (field, count) in [("numerator", ratio.numerator), ("denominator", ratio.denominator)] where count > Ratio.largestCount {
      problems.append(IndicatorValueError(field: field, "\(count) is above the largest value, \(Ratio.largestCount)"))
    }
    if ratio.numerator < 0 {
      problems.append(IndicatorValueError(field: "numerator", "must be 0 or more; got \(ratio.numerator)"))
    }
    if ratio.denominator < 0 {
      problems.append(IndicatorValueError(field: "denominator", "must be 0 or more; got \(ratio.denominator)"))
    } else if ratio.numerator > ratio.denominator, ratio.numerator <= Ratio.largestCount, ratio.denominator <= Ratio.largestCount {
      problems.append(
        IndicatorValueError(
          field: "numerator", "\(ratio.numerator) is more than the denominator \(ratio.denominator); a share cannot exceed 100%"))
    }
    return problems
  }
}
