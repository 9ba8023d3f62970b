import ClassificationDomain
import Testing

/// Counts per level from the store's counts: shares rounded half up, subtrees summed, last
/// year compared, and the tops of the bloc found for a summary by child unit.
@Suite("Tallies")
struct TallyTests {
  private let tree = UnitTree(parents: ["DB01": "DUK", "CB01": "DB01", "CB02": "DB01", "CB03": "DUK"])

  private func count(
    _ unit: String, _ level: RatingLevel, _ count: Int, demoted: Int = 0, kind: RatingSubjectKind = .partyMember
  ) -> UnitLevelCount {
    UnitLevelCount(unitCode: unit, subjectKind: kind, level: level, count: count, demoted: demoted)
  }

  @Test func aTallysSharesAreRoundedHalfUp() {
    var tally = LevelTally()
    tally.add(.htxsnv)
    tally.add(.httnv, count: 2)
    let levels = tally.levelCounts()
    // 1/3 = 33.333…% → 3333; 2/3 = 66.666…% → 6667.
    #expect(levels.map(\.shareBasisPoints) == [3_333, 6_667, 0, 0])
    #expect(levels.map(\.level) == [.htxsnv, .httnv, .htnv, .khtnv])
    #expect(tally.rated == 3)
  }

  @Test func aTallyOfNothingHasNoShare() {
    #expect(LevelTally().levelCounts().map(\.shareBasisPoints) == [0, 0, 0, 0])
  }

  @Test func aTallyComparesWithLastYearsPerLevel() {
    var now = LevelTally()
    now.add(.htxsnv)
    now.add(.httnv)
    var before = LevelTally()
    before.add(.httnv, count: 2)
    let levels = now.levelCounts(previous: before)
    #expect(levels[0].countChange == 1)
    #expect(levels[1].shareChangeBasisPoints == -5_000)
    #expect(levels[1].previousShareBasisPoints == 10_000)
  }

  @Test func aTallyCountsTheQuotasDemotions() {
    var tally = LevelTally()
    tally.add(.httnv, count: 3, demoted: 2)
    var other = LevelTally()
    other.add(.htxsnv, demoted: 0)
    tally.add(other)
    #expect(tally.demoted == 2)
    #expect(tally.rated == 4)
  }

  @Test func aSubtreesSummaryAddsItsUnitsAndNothingElse() throws {
    let tallies = UnitTallies(
      current: [count("CB01", .htxsnv, 1), count("CB02", .httnv, 1, demoted: 1), count("CB03", .httnv, 5)], previous: [])
    let summary = try #require(tallies.summaries(of: "DB01", over: tree.subtree(of: "DB01"), year: 2025).first)
    #expect(summary.includesSubtree)
    #expect(summary.ratedCount == 2)
    #expect(summary.quotaDemotions == 1)
    #expect(summary.count(of: .htxsnv)?.shareBasisPoints == 5_000)
    #expect(tallies.summaries(of: "", over: nil, year: 2025).first?.ratedCount == 7)
  }

  @Test func aSummaryHasOneEntryPerKindRatedThisYearOrLast() {
    let tallies = UnitTallies(
      current: [count("CB01", .htnv, 1, kind: .collective)], previous: [count("CB01", .httnv, 2, kind: .civilServant)])
    let summaries = tallies.summaries(of: "CB01", over: ["CB01"], year: 2025)
    #expect(summaries.map(\.subjectKind) == [.civilServant, .collective])
    #expect(summaries[0].ratedCount == 0)
    #expect(summaries[0].previousRatedCount == 2)
  }

  @Test func theTopsOfTheBlocAreTheRootsThenRatedUnitsTheTreeLacks() {
    let tallies = UnitTallies(current: [count("ZZ9", .htnv, 1)], previous: [count("AA1", .htnv, 1), count("CB01", .htnv, 1)])
    #expect(tallies.topUnits(in: tree) == ["DUK", "AA1", "ZZ9"])
  }
}
