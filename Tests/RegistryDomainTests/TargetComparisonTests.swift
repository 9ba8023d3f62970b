import Testing
@testable import RegistryDomain

@Suite("Targets compared exactly")
struct TargetComparisonTests {
  func outcome(_ comparison: TargetComparison, _ percent: Int, _ numerator: Int, _ denominator: Int) -> TargetOutcome {
    IndicatorTarget(comparison, Percentage(percent: percent)).outcome(for: Ratio(numerator, denominator))
  }

  @Test func greaterThan80PercentFailsAtExactly80AndHoldsJustAbove() {
    #expect(outcome(.greater, 80, 4, 5) == .notMet)
    #expect(outcome(.greater, 80, 4_001, 5_000) == .met)
    #expect(outcome(.greater, 80, 3_999, 5_000) == .notMet)
  }

  @Test func atLeast50PercentHoldsAtExactly50AndFailsJustBelow() {
    #expect(outcome(.greaterOrEqual, 50, 1, 2) == .met)
    #expect(outcome(.greaterOrEqual, 50, 5_001, 10_000) == .met)
    #expect(outcome(.greaterOrEqual, 50, 4_999, 10_000) == .notMet)
  }

  @Test func exactly100PercentMeansTheNumeratorEqualsTheDenominator() {
    #expect(outcome(.equal, 100, 7, 7) == .met)
    #expect(outcome(.equal, 100, 6, 7) == .notMet)
    // 0.999999999 would round to 100% in floating point; integers do not.
    #expect(outcome(.equal, 100, 999_999_999, 1_000_000_000) == .notMet)
    #expect(outcome(.equal, 100, 1_000_000_000, 1_000_000_000) == .met)
  }

  @Test func exactlyAFractionalTargetNeedsTheSameShareExactly() {
    let target = IndicatorTarget(.equal, Percentage(basisPoints: 3_333))
    #expect(target.outcome(for: Ratio(3_333, 10_000)) == .met)
    #expect(target.outcome(for: Ratio(1, 3)) == .notMet)
  }

  @Test func atMost10PercentHoldsAtExactly10AndFailsJustAbove() {
    #expect(outcome(.lessOrEqual, 10, 1, 10) == .met)
    #expect(outcome(.lessOrEqual, 10, 999, 10_000) == .met)
    #expect(outcome(.lessOrEqual, 10, 1_001, 10_000) == .notMet)
  }

  @Test func belowATargetFailsAtTheTargetItself() {
    #expect(outcome(.less, 10, 1, 10) == .notMet)
    #expect(outcome(.less, 10, 999, 10_000) == .met)
  }

  @Test func aZeroDenominatorIsNoDataWhateverTheComparison() {
    for comparison in TargetComparison.allCases {
      #expect(outcome(comparison, 50, 0, 0) == .noData)
    }
  }

  @Test func attainmentIsValueOverTargetAndTargetOverValueForUpperBounds() {
    let atLeast = IndicatorTarget(.greaterOrEqual, Percentage(percent: 80))
    #expect(atLeast.attainmentBasisPoints(for: Ratio(2, 5)) == 5_000)
    #expect(atLeast.attainmentBasisPoints(for: Ratio(4, 5)) == 10_000)
    let atMost = IndicatorTarget(.lessOrEqual, Percentage(percent: 10))
    #expect(atMost.attainmentBasisPoints(for: Ratio(1, 5)) == 5_000)
    #expect(atMost.attainmentBasisPoints(for: Ratio(0, 5)) == 10_000)
  }

  @Test func sharesRoundHalfUpInBasisPoints() {
    #expect(Ratio(2, 3).basisPoints == 6_667)
    #expect(Ratio(1, 8).basisPoints == 1_250)
    #expect(Ratio(1, 20_000).basisPoints == 1)
    #expect(Ratio(0, 0).basisPoints == 0)
  }
}
