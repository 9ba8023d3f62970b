import ClassificationDomain
import Testing

/// A leader's HTXSNV needs the unit they lead to complete every task on time with 30% exceeded,
/// HTTNV needs it on time (366-QĐ/TW, Điều 11); and a leader is capped by the level of the
/// collective they lead, through a table in the rule set. Collectives are rated first.
@Suite("Leaders and the collectives they lead")
struct LeaderRuleTests {
  private func leader(total: Int = 9_600) -> PersonEvaluation {
    Fixture.member("L1", unit: "CB01", total: total, leads: "CB01")
  }

  @Test func aLeaderWhoseUnitMissedADeadlineIsAtBestCompleted() throws {
    let unit = Fixture.collective("CB01", total: 8_000, tasks: TaskCounts(total: 20, onTime: 19, exceeded: 10))
    let rating = try Fixture.rate(leader(), collectives: [unit])
    #expect(rating.level == .htnv)
    #expect(rating.check("366.d11.htxsnv.led_collective_tasks")?.outcome == .failed)
    #expect(rating.check("366.d11.httnv.led_collective_tasks")?.outcome == .failed)
  }

  @Test func aLeaderWhoseUnitExceededOnly20PercentIsAtBestGood() throws {
    let unit = Fixture.collective("CB01", tasks: TaskCounts(total: 10, onTime: 10, exceeded: 2))
    let rating = try Fixture.rate(leader(), collectives: [unit])
    #expect(rating.level == .httnv)
  }

  @Test func aLeaderOfAnExcellentUnitKeepsExcellent() throws {
    let unit = Fixture.collective("CB01")
    #expect(try Fixture.rate(leader(), collectives: [unit]).level == .htxsnv)
  }

  @Test func aLeaderWhoseCollectiveFailedIsNotCompleted() throws {
    let unit = Fixture.collective("CB01", targets: (4, 10))
    let result = try Fixture.run([leader()], collectives: [unit])
    #expect(result.rating(of: "CB01", as: .collective)?.level == .khtnv)
    let rating = try #require(result.rating(of: "L1"))
    #expect(rating.level == .khtnv)
    #expect(
      rating.check("366.leader.collective_level")?.figures
        == .ledCollectiveLevel(unitCode: "CB01", collectiveLevel: .khtnv, leaderAtBest: .khtnv))
  }

  @Test func theCapTableIsDataAnOperatorCanChange() throws {
    let set = RuleSet.quyDinh366.changing("366.leader.collective_level") { rule in
      rule.parameters.collectiveCaps = [
        LeaderCap(collectiveLevel: .htxsnv, leaderAtBest: .htxsnv),
        LeaderCap(collectiveLevel: .httnv, leaderAtBest: .htxsnv),
        LeaderCap(collectiveLevel: .htnv, leaderAtBest: .httnv),
        LeaderCap(collectiveLevel: .khtnv, leaderAtBest: .htnv),
      ]
    }
    let unit = Fixture.collective("CB01", targets: (4, 10))
    #expect(try Fixture.rate(leader(), ruleSet: set, collectives: [unit]).level == .htnv)
  }

  @Test func aLeaderIsNotRaisedByTheirCollective() throws {
    let unit = Fixture.collective("CB01")
    #expect(try Fixture.rate(leader(total: 7_500), collectives: [unit]).level == .httnv)
  }

  @Test func aLeaderOfAUnitOutsideTheRunIsRatedOnTheirOwnAndTheRunSaysSo() throws {
    let result = try Fixture.run([leader()], ruleSet: RuleSet.quyDinh366.withoutQuota)
    let rating = try #require(result.rating(of: "L1"))
    #expect(rating.level == .htxsnv)
    #expect(rating.check("366.leader.collective_level")?.outcome == .notApplicable)
    #expect(result.issues.map(\.code) == ["led_collective_not_rated"])
  }

  @Test func aMemberWhoLeadsNothingIsNotTouchedByTheLeaderRules() throws {
    let rating = try Fixture.rate(Fixture.member("P1", total: 9_600))
    #expect(rating.check("366.leader.collective_level")?.figures == .notALeader)
  }
}
