import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

/// The weights and data choices of a risk computation, every default filled in: the
/// ``RiskFormula`` and the data it reads, by default the indicators of the year before
/// `as_of`'s year, and its ratings.
struct RiskWeights: Sendable {
  var formula: RiskFormula
  var indicatorPeriod: Period
  var ratingYear: Int

  /// The weights on the wire, checked, with the defaults for what is 0 or unset; the year
  /// defaults count back from `asOf`.
  init(_ weights: InspectionRiskWeights?, asOf: CivilDate, field: String) throws {
    let weights = weights ?? InspectionRiskWeights()
    try InspectionLimits.checkRange(weights.indicatorsBp, 0...10_000, field: "\(field).indicators_bp")
    try InspectionLimits.checkRange(weights.ratingBp, 0...10_000, field: "\(field).rating_bp")
    try InspectionLimits.checkRange(weights.timeSinceVisitBp, 0...10_000, field: "\(field).time_since_visit_bp")
    do {
      formula = try RiskFormula(
        indicatorsBP: Int(weights.indicatorsBp), ratingBP: Int(weights.ratingBp),
        timeSinceVisitBP: Int(weights.timeSinceVisitBp), fullRiskAfterYears: Int(weights.fullRiskAfterYears))
    } catch {
      throw error.fieldError(under: field)
    }
    let years = Int32(WorkingCalendar.supportedYears.lowerBound)...Int32(WorkingCalendar.supportedYears.upperBound)
    if let period = weights.indicatorPeriod {
      try Self.check(period, years: years, field: "\(field).indicator_period")
      indicatorPeriod = period
    } else {
      indicatorPeriod = Period(type: .year, year: Int32(clamping: asOf.year - 1))
    }
    if weights.ratingYear == 0 {
      ratingYear = asOf.year - 1
    } else {
      try InspectionLimits.checkRange(weights.ratingYear, years, field: "\(field).rating_year")
      ratingYear = Int(weights.ratingYear)
    }
    try InspectionLimits.checkRange(
      weights.fullRiskAfterYears, 0...100, field: "\(field).full_risk_after_years",
      meaning: " years (0 for the default \(RiskFormula.defaultFullRiskAfterYears))")
  }

  /// The weights on the wire, every default written out.
  var wire: InspectionRiskWeights {
    InspectionRiskWeights(
      indicatorsBp: Int32(clamping: formula.indicatorsBP), ratingBp: Int32(clamping: formula.ratingBP),
      timeSinceVisitBp: Int32(clamping: formula.timeSinceVisitBP), indicatorPeriod: indicatorPeriod,
      ratingYear: Int32(clamping: ratingYear), fullRiskAfterYears: Int32(clamping: formula.fullRiskAfterYears))
  }

  /// Refuses a period that names no real year, half, quarter, month or term.
  private static func check(_ period: Period, years: ClosedRange<Int32>, field: String) throws {
    try InspectionLimits.checkRange(period.year, years, field: "\(field).year")
    switch period.type {
    case .year:
      try InspectionLimits.checkRange(period.index, 0...0, field: "\(field).index", meaning: " (0 for a year)")
    case .halfYear: try InspectionLimits.checkRange(period.index, 1...2, field: "\(field).index")
    case .quarter: try InspectionLimits.checkRange(period.index, 1...4, field: "\(field).index")
    case .month: try InspectionLimits.checkRange(period.index, 1...12, field: "\(field).index")
    case .term:
      try InspectionLimits.checkRange(period.endYear, period.year...years.upperBound, field: "\(field).end_year")
    default: throw FieldError.invalid("\(field).type", "required: YEAR, HALF_YEAR, QUARTER, MONTH or TERM")
    }
  }
}
