import InspectionDomain
import ReformModule
import ReformWire

/// The weights and data choices of a risk computation, every default filled in.
///
/// Defaults *(unconfirmed, practice)*: indicators 40%, ratings 30%, time since the last visit
/// 30%; the indicators of the year before `as_of`'s year, and its ratings; full risk five years
/// after the last visit, the longest period an inspection examines (Quyết định 331-QĐ/TW).
struct RiskWeights: Sendable {
  static let defaultIndicatorsBP = 4_000
  static let defaultRatingBP = 3_000
  static let defaultTimeSinceVisitBP = 3_000
  static let defaultFullRiskAfterYears = 5

  var indicatorsBP: Int
  var ratingBP: Int
  var timeSinceVisitBP: Int
  var indicatorPeriod: Period
  var ratingYear: Int
  var fullRiskAfterYears: Int

  /// The weights on the wire, checked, with the defaults for what is 0 or unset; the year
  /// defaults count back from `asOf`.
  init(_ weights: InspectionRiskWeights?, asOf: CivilDate, field: String) throws {
    let weights = weights ?? InspectionRiskWeights()
    try InspectionLimits.checkRange(weights.indicatorsBp, 0...10_000, field: "\(field).indicators_bp")
    try InspectionLimits.checkRange(weights.ratingBp, 0...10_000, field: "\(field).rating_bp")
    try InspectionLimits.checkRange(weights.timeSinceVisitBp, 0...10_000, field: "\(field).time_since_visit_bp")
    let sum = Int(weights.indicatorsBp) + Int(weights.ratingBp) + Int(weights.timeSinceVisitBp)
    if sum == 0 {
      (indicatorsBP, ratingBP, timeSinceVisitBP) =
        (Self.defaultIndicatorsBP, Self.defaultRatingBP, Self.defaultTimeSinceVisitBP)
    } else {
      guard sum == 10_000 else {
        throw FieldError.invalid(
          field,
          "indicators_bp + rating_bp + time_since_visit_bp must be 10000 (or all 0 for the defaults); they add up to \(sum)"
        )
      }
      (indicatorsBP, ratingBP, timeSinceVisitBP) =
        (Int(weights.indicatorsBp), Int(weights.ratingBp), Int(weights.timeSinceVisitBp))
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
      meaning: " years (0 for the default \(Self.defaultFullRiskAfterYears))")
    fullRiskAfterYears =
      weights.fullRiskAfterYears == 0 ? Self.defaultFullRiskAfterYears : Int(weights.fullRiskAfterYears)
  }

  /// The weights on the wire, every default written out.
  var wire: InspectionRiskWeights {
    InspectionRiskWeights(
      indicatorsBp: Int32(clamping: indicatorsBP), ratingBp: Int32(clamping: ratingBP),
      timeSinceVisitBp: Int32(clamping: timeSinceVisitBP), indicatorPeriod: indicatorPeriod,
      ratingYear: Int32(clamping: ratingYear), fullRiskAfterYears: Int32(clamping: fullRiskAfterYears))
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
