import InspectionDomain
import Testing

@Suite("Risk formula")
struct RiskFormulaTests {
  private func formula(_ indicators: Int, _ rating: Int, _ time: Int, fullAfter years: Int = 0) throws(PlanningError)
    -> RiskFormula
  {
    try RiskFormula(indicatorsBP: indicators, ratingBP: rating, timeSinceVisitBP: time, fullRiskAfterYears: years)
  }

  @Test func weightsAllZeroTakeTheDefaults() throws {
    let formula = try formula(0, 0, 0)
    #expect([formula.indicatorsBP, formula.ratingBP, formula.timeSinceVisitBP] == [4_000, 3_000, 3_000])
    #expect(formula.fullRiskAfterYears == 5)
  }

  @Test func weightsThatDoNotAddUpToTheWholeAreRefused() {
    #expect(throws: PlanningError.self) { try formula(5_000, 3_000, 1_000) }
    do {
      _ = try formula(5_000, 3_000, 1_000)
    } catch {
      #expect(error.field.isEmpty)
      #expect(error.message.hasSuffix("they add up to 9000"))
    }
  }

  @Test func theScoreIsTheSumOfEachValueTimesItsWeightRoundedDown() throws {
    let formula = try formula(5_000, 3_000, 2_000)
    let components = formula.components(
      indicators: RiskReading(valueBP: 8_001), rating: RiskReading(valueBP: 5_000), lastVisit: nil,
      asOf: day(2026, 1, 1))
    #expect(components.map(\.factor) == [.indicators, .rating, .timeSinceVisit])
    #expect(components.map(\.contributionBP) == [4_000, 1_500, 2_000])
    #expect(RiskFormula.score(of: components) == 7_500)
  }

  @Test func valuesOutsideTheScaleAreClamped() throws {
    let components = try formula(10_000, 0, 0).components(
      indicators: RiskReading(valueBP: 12_000), rating: nil, lastVisit: nil, asOf: day(2026, 1, 1))
    #expect(components.map(\.valueBP) == [10_000])
    let negative = try formula(10_000, 0, 0).components(
      indicators: RiskReading(valueBP: -5), rating: nil, lastVisit: nil, asOf: day(2026, 1, 1))
    #expect(negative.map(\.valueBP) == [0])
  }

  @Test func aFactorWeightedZeroOrWithoutAReadingIsLeftOut() throws {
    let components = try formula(6_000, 0, 4_000).components(
      indicators: nil, rating: RiskReading(valueBP: 9_000), lastVisit: nil, asOf: day(2026, 1, 1))
    #expect(components.map(\.factor) == [.timeSinceVisit])
  }

  @Test func timeSinceTheLastVisitGrowsLinearlyToFullRiskAfterTheYearsGiven() throws {
    let formula = try formula(0, 0, 10_000, fullAfter: 2)
    #expect(formula.timeSinceVisit(nil, asOf: day(2026, 1, 1)).valueBP == 10_000)
    #expect(formula.timeSinceVisit(day(2026, 1, 1), asOf: day(2026, 1, 1)).valueBP == 0)
    #expect(formula.timeSinceVisit(day(2025, 1, 1), asOf: day(2026, 1, 1)).valueBP == 5_000)
    #expect(formula.timeSinceVisit(day(2020, 1, 1), asOf: day(2026, 1, 1)).valueBP == 10_000)
    // A visit recorded after the day measured counts as none elapsed, not as negative risk.
    #expect(formula.timeSinceVisit(day(2026, 3, 1), asOf: day(2026, 1, 1)).valueBP == 0)
  }
}
