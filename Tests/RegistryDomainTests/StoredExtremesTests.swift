import Foundation
import Testing
@testable import RegistryDomain

/// Values at `Int`'s extremes, as a database written before the bounds may hold them: every
/// sum, comparison and rendering gives an answer, never a trap; and a new value above
/// ``Ratio/largestCount`` is refused with the field named.
@Suite("Values at the extremes")
struct StoredExtremesTests {
  private let extremes = [Int.max, Int.min, Ratio.largestCount, 0, -1]
  private let generatedAt = Date(timeIntervalSince1970: 1_735_660_800)

  @Test func sumsOfInt64MaxValuesClampInsteadOfTrapping() {
    #expect(Ratio(.max, .max) + Ratio(.max, .max) == Ratio(.max, .max))
    #expect(Ratio(.min, 1) + Ratio(.min, 1) == Ratio(.min, 2))
    #expect(Ratio(3, 4) + Ratio(1, 2) == Ratio(4, 6))
    #expect(Ratio(.max, .max).basisPoints == 10_000)
    #expect(Ratio(.max, 1).basisPoints == .max)
    #expect(Ratio(.min, 1).percentText.hasPrefix("-"))
  }

  @Test func aReportOverTwoInt64MaxValuesRendersInEveryFormat() throws {
    let tree = try Fixtures.tree()
    let set = IndicatorSet.resolution01
    let values = [
      IndicatorValue(set: set.id, indicator: "3b", unit: "CBCS-B", period: .year(2024), .max, .max),
      IndicatorValue(set: set.id, indicator: "3b", unit: "DBCS-A", period: .year(2024), .max, .max),
      IndicatorValue(set: set.id, indicator: "3b", unit: "DBCS-A-01", period: .year(2024), .max, 1),
      IndicatorValue(set: set.id, indicator: "3b", unit: "DBCS-A-02", period: .year(2024), .min, 1),
    ]
    let report = try IndicatorReport.build(set: set, period: .year(2024), tree: tree, values: values, depth: 2, generatedAt: generatedAt)
    let bloc = try #require(report.sections.first { $0.indicator.code == "3b" }?.rows.first?.result)
    #expect(bloc.ratio.numerator == .max)
    #expect(!ReportHTMLRenderer.render(report).isEmpty)
    #expect(!ReportTextRenderer.render(report).isEmpty)
    #expect(ReportCSVRenderer.render(report).contains(String(Int.max)))
  }

  @Test(arguments: TargetComparison.allCases)
  func comparingExtremeRatiosNeverOverflows(comparison: TargetComparison) {
    let target = IndicatorTarget(comparison, Percentage(percent: 80))
    for numerator in extremes {
      for denominator in [Int.max, 1, Ratio.largestCount] {
        let value = Ratio(numerator, denominator)
        _ = target.outcome(for: value)
        _ = target.attainmentBasisPoints(for: value)
        for other in extremes { _ = target.isBetter(value, than: Ratio(other, Int.max)) }
      }
    }
    // Exact where an Int128 cross product would overflow: (max−1)/max is just below max/max,
    // and further from an 80% target.
    let higher = Ratio(.max, .max)
    let lower = Ratio(.max - 1, .max)
    let higherWins = comparison == .greaterOrEqual || comparison == .greater
    #expect(target.isBetter(higher, than: lower) == higherWins)
    #expect(target.isBetter(lower, than: higher) == !higherWins)
  }

  @Test func aValueAboveTheLargestCountIsRefusedNamingTheField() throws {
    let tree = try Fixtures.tree()
    let set = IndicatorSet.resolution01
    let value = IndicatorValue(set: set.id, indicator: "3b", unit: "CBCS-B", period: .year(2024), .max, .max)
    let problems = value.problems(in: set, tree: tree)
    #expect(problems.map(\.field) == ["numerator", "denominator"])
    #expect(problems.first?.message == "9223372036854775807 is above the largest value, 1000000000000")
    let largest = IndicatorValue(
      set: set.id, indicator: "3b", unit: "CBCS-B", period: .year(2024), Ratio.largestCount, Ratio.largestCount)
    #expect(largest.problems(in: set, tree: tree).isEmpty)
  }
}
