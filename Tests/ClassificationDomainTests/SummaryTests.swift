import ClassificationDomain
import Testing

/// Counts and shares per level, per unit and over a unit's subtree, with the change from last
/// year.
@Suite("Summaries")
struct SummaryTests {
  private let tree = UnitTree(parents: ["DB01": "DUK", "CB01": "DB01", "CB02": "DB01", "CB03": "DUK"])

  private func ratings(year: Int, _ totals: [(String, String, Int)]) throws -> [Rating] {
    // The 366 set's thresholds for both years, so that the two years compare like with like.
    var set = RuleSet.quyDinh366.withoutQuota
    set.validFromYear = 2024
    return try Fixture.run(
      totals.map { Fixture.member($0.0, unit: $0.1, total: $0.2, year: year) }, ruleSet: set, year: year
    ).ratings
  }

  @Test func aUnitCountsAndSharesEachLevel() throws {
    let current = try ratings(
      year: 2025, [("P1", "CB01", 9_500), ("P2", "CB01", 8_000), ("P3", "CB01", 8_000), ("P4", "CB01", 6_000)])
    let summary = try #require(RatingUnitSummary.perUnit(year: 2025, ratings: current).first)
    #expect(summary.ratedCount == 4)
    #expect(summary.count(of: .httnv)?.count == 2)
    #expect(summary.count(of: .httnv)?.shareBasisPoints == 5_000)
    #expect(summary.count(of: .htxsnv)?.shareBasisPoints == 2_500)
    #expect(summary.levels.map(\.level) == [.htxsnv, .httnv, .htnv, .khtnv])
  }

  @Test func sharesAreRoundedHalfUp() throws {
    let current = try ratings(year: 2025, [("P1", "CB01", 9_500), ("P2", "CB01", 8_000), ("P3", "CB01", 8_000)])
    let summary = try #require(RatingUnitSummary.perUnit(year: 2025, ratings: current).first)
    // 1/3 = 33.333…% → 3333; 2/3 = 66.666…% → 6667.
    #expect(summary.count(of: .htxsnv)?.shareBasisPoints == 3_333)
    #expect(summary.count(of: .httnv)?.shareBasisPoints == 6_667)
  }

  @Test func aBlocSummaryCoversTheWholeSubtreeAndNothingElse() throws {
    let current = try ratings(year: 2025, [("P1", "CB01", 9_500), ("P2", "CB02", 8_000), ("P3", "CB03", 8_000)])
    let summary = try #require(RatingUnitSummary.subtree(of: "DB01", in: tree, year: 2025, ratings: current).first)
    #expect(summary.includesSubtree)
    #expect(summary.ratedCount == 2)
    #expect(RatingUnitSummary.subtree(of: "DUK", in: tree, year: 2025, ratings: current).first?.ratedCount == 3)
  }

  @Test func theChangeFromLastYearIsCountedPerLevel() throws {
    let previous = try ratings(year: 2024, [("P1", "CB01", 8_000), ("P2", "CB01", 8_000)])
    let current = try ratings(year: 2025, [("P1", "CB01", 9_500), ("P2", "CB01", 8_000)])
    let summary = try #require(RatingUnitSummary.perUnit(year: 2025, ratings: current, previous: previous).first)
    #expect(summary.previousRatedCount == 2)
    #expect(summary.count(of: .htxsnv)?.countChange == 1)
    #expect(summary.count(of: .httnv)?.shareChangeBasisPoints == -5_000)
  }

  @Test func eachSubjectsMoveFromLastYearIsListed() throws {
    let previous = try ratings(year: 2024, [("P1", "CB01", 8_000), ("P2", "CB01", 8_000)])
    let current = try ratings(year: 2025, [("P1", "CB01", 9_500), ("P2", "CB01", 8_000), ("P3", "CB01", 6_000)])
    let changes = RatingChange.between(previous: previous, current: current)
    #expect(changes.map(\.subjectId) == ["P1", "P3"])
    #expect(changes.first?.improved == true)
    #expect(changes.last?.previousLevel == nil)
  }
}
