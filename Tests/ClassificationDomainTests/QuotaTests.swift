import ClassificationDomain
import ReformKit
import Testing

/// The HTXSNV quota: at most 20% of the HTTNV count, per unit (and per duty group under
/// Nghị định 335/2025/NĐ-CP), where each demotion to HTTNV adds to the HTTNV count; the lowest
/// are demoted first, in a documented total order; an authority's exception raises the limit.
@Suite("Quota")
struct QuotaTests {
  /// `excellent` members scoring 91.00, 92.00, … and `good` members scoring 80.00, in `unit`.
  private func population(
    excellent: Int, good: Int, unit: String = "CB01", dutyGroup: String? = nil, prefix: String = ""
  ) -> [PersonEvaluation] {
    (0..<excellent).map { Fixture.member("\(prefix)X\($0)", unit: unit, total: 9_100 + 100 * $0, dutyGroup: dutyGroup) }
      + (0..<good).map { Fixture.member("\(prefix)G\($0)", unit: unit, total: 8_000, dutyGroup: dutyGroup) }
  }

  private func count(_ result: ClassificationRunResult, _ level: RatingLevel) -> Int {
    result.ratings.filter { $0.level == level }.count
  }

  @Test func tenExcellentAndTwentyGoodKeepFiveAfterDemotionsRaiseTheGoodCount() throws {
    // 10 − d ≤ ⌊0.2 × (20 + d)⌋ first holds at d = 5 (5 ≤ 5); counting the good before
    // demotion would allow only 4 and demote 6.
    let result = try Fixture.run(population(excellent: 10, good: 20))
    #expect(count(result, .htxsnv) == 5)
    #expect(count(result, .httnv) == 25)
    let group = try #require(result.quotaGroups.first)
    #expect((group.excellentBefore, group.goodBefore, group.allowedExcellent, group.demoted) == (10, 20, 5, 5))
  }

  @Test func theLowestScoresAreDemotedFirst() throws {
    let result = try Fixture.run(population(excellent: 10, good: 20))
    let demoted = result.ratings.filter(\.isQuotaDemoted).map(\.subjectId).sorted()
    #expect(demoted == ["X0", "X1", "X2", "X3", "X4"])
    let first = try #require(result.rating(of: "X0")?.quotaDemotion)
    #expect(first.demotionOrder == 1)
    #expect(first.decidedBy == .totalScore)
    #expect(result.rating(of: "X4")?.quotaDemotion?.demotionOrder == 5)
  }

  @Test func aDemotedMemberKeepsTheLevelBeforeQuota() throws {
    let rating = try #require(try Fixture.run(population(excellent: 10, good: 20)).rating(of: "X0"))
    #expect((rating.levelBeforeQuota, rating.level) == (.htxsnv, .httnv))
  }

  @Test func sixExcellentAndNoGoodKeepOne() throws {
    // 6 − d ≤ ⌊0.2 × d⌋ first holds at d = 5.
    let result = try Fixture.run(population(excellent: 6, good: 0))
    #expect(count(result, .htxsnv) == 1)
    #expect(result.rating(of: "X5")?.level == .htxsnv)
  }

  @Test func withinTheQuotaNobodyIsDemoted() throws {
    let result = try Fixture.run(population(excellent: 2, good: 10))
    #expect(result.quotaDemotions == 0)
  }

  @Test func aDemotedMemberAlwaysOverflowsByOne() throws {
    // 3 excellent, 7 good: d = 1 leaves 2 > ⌊0.2 × 8⌋ = 1, so d = 2.
    let result = try Fixture.run(population(excellent: 3, good: 7))
    #expect(result.quotaDemotions == 2)
  }

  @Test func halfUpRoundingAllowsMore() throws {
    let set = RuleSet.quyDinh366.changingQuota { $0.rounding = .halfUp }
    // d = 1 leaves 2 ≤ round(0.2 × 8 = 1.6) = 2.
    #expect(try Fixture.run(population(excellent: 3, good: 7), ruleSet: set).quotaDemotions == 1)
  }

  @Test func aShareOfEveryoneRatedDoesNotGrowWithDemotions() throws {
    let set = RuleSet.quyDinh366.changingQuota { $0.basis = .ratedCount }
    // 20% of the 10 rated is 2, whatever is demoted.
    #expect(try Fixture.run(population(excellent: 3, good: 7), ruleSet: set).quotaDemotions == 1)
  }

  @Test func eachUnitHasItsOwnQuota() throws {
    let result = try Fixture.run(
      population(excellent: 2, good: 10, unit: "CB01", prefix: "A")
        + population(excellent: 2, good: 0, unit: "CB02", prefix: "B"))
    #expect(result.ratings.filter(\.isQuotaDemoted).map(\.subjectId).sorted() == ["BX0", "BX1"])
  }

  @Test func theQuotaSwitchedOffDemotesNobody() throws {
    let set = RuleSet.quyDinh366.changingQuota { $0.enabled = false }
    #expect(try Fixture.run(population(excellent: 6, good: 0), ruleSet: set).quotaDemotions == 0)
  }

  @Test func aTieOnTotalIsBrokenByTheLowerTaskResultsScore() throws {
    let members =
      [
        Fixture.member("A", total: 9_500, taskResults: 6_600), Fixture.member("B", total: 9_500, taskResults: 6_500),
      ] + (0..<5).map { Fixture.member("G\($0)") }
    let result = try Fixture.run(members)
    #expect(result.rating(of: "B")?.quotaDemotion?.decidedBy == .taskResultsScore)
    #expect(result.rating(of: "A")?.level == .htxsnv)
  }

  @Test func aTieOnScoresIsBrokenByTheSmallerShareExceeded() throws {
    let members =
      [
        Fixture.member("A", total: 9_500, tasks: TaskCounts(total: 10, onTime: 10, exceeded: 4)),
        Fixture.member("B", total: 9_500, tasks: TaskCounts(total: 20, onTime: 20, exceeded: 7)),
      ] + (0..<5).map { Fixture.member("G\($0)") }
    let result = try Fixture.run(members)
    // 7/20 = 35% < 4/10 = 40%.
    #expect(result.rating(of: "B")?.quotaDemotion?.decidedBy == .exceededShare)
  }

  @Test func aFullTieDemotesTheGreaterIdFirst() throws {
    let members =
      [Fixture.member("P-001", total: 9_500), Fixture.member("P-002", total: 9_500)]
      + (0..<5).map { Fixture.member("G\($0)") }
    let result = try Fixture.run(members)
    #expect(result.rating(of: "P-002")?.quotaDemotion?.decidedBy == .subjectId)
    #expect(result.rating(of: "P-001")?.level == .htxsnv)
  }

  @Test func everyDutyGroupAndTheUnitAreLimitedUnder335() throws {
    let servants =
      [
        // Group A: 2 excellent, 5 good → one demoted. Group B: 1 excellent, 4 good → one demoted.
        // No group: 3 excellent, 5 good → the unit's own limit demotes two more.
        Fixture.member("A1", total: 9_900, kind: .civilServant, year: 2026, dutyGroup: "A"),
        Fixture.member("A2", total: 9_100, kind: .civilServant, year: 2026, dutyGroup: "A"),
        Fixture.member("B1", total: 9_800, kind: .civilServant, year: 2026, dutyGroup: "B"),
        Fixture.member("N1", total: 9_700, kind: .civilServant, year: 2026),
        Fixture.member("N2", total: 9_600, kind: .civilServant, year: 2026),
        Fixture.member("N3", total: 9_500, kind: .civilServant, year: 2026),
      ]
      + (0..<5).map { Fixture.member("AG\($0)", kind: .civilServant, year: 2026, dutyGroup: "A") }
      + (0..<4).map { Fixture.member("BG\($0)", kind: .civilServant, year: 2026, dutyGroup: "B") }
      + (0..<5).map { Fixture.member("NG\($0)", kind: .civilServant, year: 2026) }
    let result = try Fixture.run(servants, ruleSet: .nghiDinh335, year: 2026)
    #expect(result.rating(of: "A2", as: .civilServant)?.quotaDemotion?.dutyGroup == "A")
    #expect(result.rating(of: "B1", as: .civilServant)?.quotaDemotion?.dutyGroup == "B")
    // The unit then has A1, N1, N2, N3 excellent and 16 good: 4 − d ≤ ⌊0.2 × (16 + d)⌋ at d = 1.
    let unitWide = result.ratings.filter { $0.quotaDemotion.map { $0.dutyGroup == nil } ?? false }.map(\.subjectId)
    #expect(unitWide == ["N3"])
    #expect(result.ratings.filter { $0.level == .htxsnv }.map(\.subjectId).sorted() == ["A1", "N1", "N2"])
  }

  private func exception(_ grant: QuotaException.Grant, year: Int = 2025, revoked: Bool = false) -> QuotaException {
    QuotaException(
      id: "NL-01", unitCode: "CB01", year: year, grant: grant, authority: "Ban Thường vụ Đảng ủy Khối",
      decision: SourceRef(document: "Quyết định 15-QĐ/ĐUK", issued: CivilDate(2025, 12, 1)), revoked: revoked)
  }

  @Test func aGrantedShareOf30PercentKeepsSix() throws {
    // 10 − d ≤ ⌊0.3 × (20 + d)⌋ first holds at d = 4.
    let result = try Fixture.run(population(excellent: 10, good: 20), exceptions: [exception(.shareBasisPoints(3_000))])
    #expect(count(result, .htxsnv) == 6)
    #expect(result.rating(of: "X0")?.quotaDemotion?.exceptionId == "NL-01")
    #expect(result.quotaGroups.first?.exceptionId == "NL-01")
  }

  @Test func twoExtraPlacesKeepSix() throws {
    let result = try Fixture.run(population(excellent: 10, good: 20), exceptions: [exception(.extraPlaces(2))])
    #expect(count(result, .htxsnv) == 6)
  }

  @Test func aFixedMaximumKeepsExactlyThatMany() throws {
    let result = try Fixture.run(population(excellent: 10, good: 20), exceptions: [exception(.maxExcellentCount(8))])
    #expect(count(result, .htxsnv) == 8)
  }

  @Test func anUnlimitedExceptionDemotesNobody() throws {
    #expect(
      try Fixture.run(population(excellent: 10, good: 20), exceptions: [exception(.unlimited)]).quotaDemotions == 0)
  }

  @Test func aRevokedOrOtherYearExceptionIsNotApplied() throws {
    let revoked = try Fixture.run(
      population(excellent: 10, good: 20), exceptions: [exception(.unlimited, revoked: true)])
    let otherYear = try Fixture.run(
      population(excellent: 10, good: 20), exceptions: [exception(.unlimited, year: 2024)])
    #expect(revoked.quotaDemotions == 5)
    #expect(otherYear.quotaDemotions == 5)
  }

  @Test func theReasonForADemotionIsWrittenOut() throws {
    let demotion = try #require(try Fixture.run(population(excellent: 10, good: 20)).rating(of: "X0")?.quotaDemotion)
    #expect(
      demotion.reason(in: .vietnamese)
        == "Đơn vị CB01: 10 HTXSNV, 20 HTTNV, tỷ lệ 20%; hạ 5 người thì tối đa 5 HTXSNV; người này hạ thứ 1; xếp sau người HTXSNV thấp nhất được giữ theo tổng điểm."
    )
  }
}
