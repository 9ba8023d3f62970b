import ReformKit

/// How a unit's risk score is made from its factors: each factor's value (0–10000 bp, higher
/// riskier) is weighted, and the score is the sum of the weighted values (`value × weight /
/// 10000`, rounded down), so it stays within 0–10000. A factor with weight 0 is left out.
///
/// Defaults *(unconfirmed, practice)*: indicators 40%, ratings 30%, time since the last visit
/// 30%; full risk five years after the last visit, the longest period an inspection examines
/// (Quyết định 331-QĐ/TW).
///
/// ## Topics
/// - ``init(indicatorsBP:ratingBP:timeSinceVisitBP:fullRiskAfterYears:)``
/// - ``components(indicators:rating:lastVisit:asOf:)``, ``score(of:)``
/// - ``timeSinceVisit(_:asOf:)``
public struct RiskFormula: Sendable, Hashable {
  /// 100% in basis points: the most a value, a weight or a score can be.
  public static let fullScale = 10_000
  public static let defaultIndicatorsBP = 4_000
  public static let defaultRatingBP = 3_000
  public static let defaultTimeSinceVisitBP = 3_000
  public static let defaultFullRiskAfterYears = 5

  public let indicatorsBP: Int
  public let ratingBP: Int
  public let timeSinceVisitBP: Int
  /// Years after the last visit at which the time since it counts fully.
  public let fullRiskAfterYears: Int

  /// The formula with these weights, each 0–10000: all three 0 take the defaults, otherwise
  /// they must add up to 10000; `fullRiskAfterYears` 0 takes the default.
  ///
  /// - Throws: ``PlanningError`` (invalid argument, on the weights as a whole) when the weights
  ///   add up to neither 0 nor 10000.
  public init(indicatorsBP: Int, ratingBP: Int, timeSinceVisitBP: Int, fullRiskAfterYears: Int) throws(PlanningError) {
    let sum = indicatorsBP + ratingBP + timeSinceVisitBP
    if sum == 0 {
      (self.indicatorsBP, self.ratingBP, self.timeSinceVisitBP) =
        (Self.defaultIndicatorsBP, Self.defaultRatingBP, Self.defaultTimeSinceVisitBP)
    } else {
      guard sum == Self.fullScale else {
        throw PlanningError(
          .invalidArgument, field: "",
          "indicators_bp + rating_bp + time_since_visit_bp must be 10000 (or all 0 for the defaults); they add up to \(sum)"
        )
      }
      (self.indicatorsBP, self.ratingBP, self.timeSinceVisitBP) = (indicatorsBP, ratingBP, timeSinceVisitBP)
    }
    self.fullRiskAfterYears = fullRiskAfterYears == 0 ? Self.defaultFullRiskAfterYears : fullRiskAfterYears
  }

  /// The weighted factors of a unit, in the order indicators, rating, time since the last
  /// visit; a factor is left out when its weight is 0 or, for the first two, it has no reading.
  public func components(indicators: RiskReading?, rating: RiskReading?, lastVisit: CivilDate?, asOf: CivilDate)
    -> [RiskComponent]
  {
    var components: [RiskComponent] = []
    if let indicators, indicatorsBP > 0 {
      components.append(RiskComponent(.indicators, weightBP: indicatorsBP, reading: indicators))
    }
    if let rating, ratingBP > 0 { components.append(RiskComponent(.rating, weightBP: ratingBP, reading: rating)) }
    if timeSinceVisitBP > 0 {
      components.append(
        RiskComponent(.timeSinceVisit, weightBP: timeSinceVisitBP, reading: timeSinceVisit(lastVisit, asOf: asOf)))
    }
    return components
  }

  /// The score of a unit with `components`: the sum of their contributions.
  public static func score(of components: [RiskComponent]) -> Int {
    components.reduce(0) { $0 + $1.contributionBP }
  }

  /// The time-since-visit factor: linear from 0 on the day of the last visit to 10000 after
  /// ``fullRiskAfterYears`` years (of 365 days); 10000 with no visit on record.
  public func timeSinceVisit(_ lastDay: CivilDate?, asOf: CivilDate) -> RiskReading {
    guard let lastDay else {
      return RiskReading(valueBP: Self.fullScale, detail: "no visit to the unit on record in the stored programmes")
    }
    let days = max(0, lastDay.days(to: asOf))
    let full = max(1, fullRiskAfterYears * 365)
    return RiskReading(
      valueBP: min(Self.fullScale, days * Self.fullScale / full),
      detail: "last visit ended \(lastDay), \(days) days before \(asOf); full risk after \(fullRiskAfterYears) years")
  }
}
