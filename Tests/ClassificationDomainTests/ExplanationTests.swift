import ClassificationDomain
import Testing

/// Every rating explains itself: the score, each rule with its source and outcome, and any
/// demotion by quota, in Vietnamese with diacritics or in English.
@Suite("Explanations")
struct ExplanationTests {
  @Test func everyRuleOfTheSetIsListedInOrderIncludingThoseNotApplicable() throws {
    let rating = try Fixture.rate(Fixture.member("P1"))
    #expect(rating.checks.map(\.ruleId) == RuleSet.quyDinh366.rules.map(\.id))
    #expect(rating.check("366.d11.htxsnv.led_collective_tasks")?.outcome == .notApplicable)
  }

  @Test func aCheckCarriesItsSource() throws {
    let check = try #require(try Fixture.rate(Fixture.member("P1")).check("366.d11.htxsnv.tasks_exceeded"))
    #expect(check.source.citation == "Quy định 366-QĐ/TW, Điều 11, khoản 1")
    #expect(check.text == "Hoàn thành xuất sắc nhiệm vụ: ít nhất 30% nhiệm vụ hoàn thành vượt mức")
  }

  @Test func aCheckExplainsItselfInEnglishToo() throws {
    let member = Fixture.member("P1", total: 9_600, tasks: TaskCounts(total: 20, onTime: 19, exceeded: 10))
    let check = try #require(try Fixture.rate(member).check("366.d11.tasks_on_time"))
    #expect(check.explanation(in: .english) == "failed — 19/20 tasks on time (95%) < 100% → completed")
  }

  @Test func theNarrativeNamesTheScoreTheRulesAndTheResult() throws {
    let member = Fixture.member("P1", total: 9_050, discipline: [Fixture.discipline("QĐ-01")])
    let narrative = try Fixture.rate(member).narrative(in: .vietnamese)
    #expect(narrative.contains("Tổng điểm: 90,5"))
    #expect(
      narrative.contains(
        "366.discipline (Quy định 366-QĐ/TW, Điều 11, khoản 4) [chưa xác nhận]: Không đạt — kỷ luật tính trong năm: QĐ-01 → Không hoàn thành nhiệm vụ"
      ))
    #expect(narrative.hasSuffix("Kết quả: Không hoàn thành nhiệm vụ"))
  }

  @Test func theNarrativeOfADemotedMemberGivesTheQuotaReason() throws {
    let members =
      [Fixture.member("X1", total: 9_500), Fixture.member("X2", total: 9_400)]
      + (0..<5).map { Fixture.member("G\($0)") }
    let rating = try #require(try Fixture.run(members).rating(of: "X2"))
    #expect(
      rating.narrative(in: .english).contains(
        "366.quota (Hướng dẫn 43-HD/BTCTW): Group CB01: 2 excellent, 5 good, share 20%; demoting 1 leaves at most 1 excellent; this subject was demoted 1st; ranked below the lowest excellent kept by total score."
      ))
  }
}
