import ClassificationDomain
import Testing

/// A collective is HTXSNV only when no subordinate unit and no member of its leadership was
/// disciplined in the year (366-QĐ/TW, Điều 11, khoản 1); it is KHTNV when more than 20% of its
/// subordinate units were disciplined or fewer than 50% of its targets were met (124-QĐ/TW,
/// kept as unconfirmed defaults in 366).
@Suite("Collectives")
struct CollectiveRuleTests {
  @Test func anExcellentCollectiveWithoutDisciplineStaysExcellent() throws {
    #expect(try Fixture.rate(Fixture.collective("DB01", subordinates: 5)).level == .htxsnv)
  }

  @Test func oneDisciplinedSubordinateUnitBlocksExcellent() throws {
    let collective = Fixture.collective(
      "DB01", subordinates: 10, disciplinedSubordinates: [DisciplinedSubordinate(unitCode: "CB07")])
    let rating = try Fixture.rate(collective)
    #expect(rating.level == .httnv)
    #expect(rating.check("366.d11.htxsnv.collective.subordinates")?.outcome == .failed)
  }

  @Test func oneDisciplinedLeadershipMemberBlocksExcellent() throws {
    let collective = Fixture.collective("DB01", leaders: ["P1", "P2"], disciplinedLeaders: ["P2"])
    #expect(try Fixture.rate(collective).level == .httnv)
  }

  @Test func disciplineOf21PercentOfSubordinateUnitsMakesTheCollectiveNotCompleted() throws {
    let disciplined = (1...21).map { DisciplinedSubordinate(unitCode: "CB\($0)") }
    let collective = Fixture.collective("DB01", total: 8_000, subordinates: 100, disciplinedSubordinates: disciplined)
    #expect(try Fixture.rate(collective).level == .khtnv)
  }

  @Test func disciplineOfExactly20PercentOfSubordinateUnitsDoesNot() throws {
    let disciplined = (1...20).map { DisciplinedSubordinate(unitCode: "CB\($0)") }
    let collective = Fixture.collective("DB01", total: 8_000, subordinates: 100, disciplinedSubordinates: disciplined)
    let rating = try Fixture.rate(collective)
    #expect(rating.level == .httnv)
    #expect(
      rating.check("366.collective.subordinates")?.detail(in: .vietnamese)
        == "20/100 tổ chức trực thuộc bị kỷ luật (20%) ≤ 20%")
  }

  @Test func aSubordinateDisciplinedOnTheCollectivesOwnFindingIsSparedWhenTheSwitchIsOn() throws {
    let set = RuleSet.quyDinh366.changing("366.d11.htxsnv.collective.subordinates") {
      $0.parameters.spareSelfDetected = true
    }
    let collective = Fixture.collective(
      "DB01", subordinates: 10, disciplinedSubordinates: [DisciplinedSubordinate(unitCode: "CB07", selfDetected: true)])
    #expect(try Fixture.rate(collective, ruleSet: set).level == .htxsnv)
    #expect(try Fixture.rate(collective).level == .httnv)
  }

  @Test func meeting49PercentOfTargetsMakesTheCollectiveNotCompleted() throws {
    #expect(try Fixture.rate(Fixture.collective("DB01", total: 8_000, targets: (49, 100))).level == .khtnv)
  }

  @Test func meeting50PercentOfTargetsDoesNot() throws {
    #expect(try Fixture.rate(Fixture.collective("DB01", total: 8_000, targets: (50, 100))).level == .httnv)
  }

  @Test func theCollectiveOwnTasksBindItLikeAPerson() throws {
    let collective = Fixture.collective("DB01", tasks: TaskCounts(total: 10, onTime: 10, exceeded: 2))
    #expect(try Fixture.rate(collective).level == .httnv)
  }

  @Test func personRulesDoNotApplyToCollectivesNorCollectiveRulesToPersons() throws {
    let collective = try Fixture.rate(Fixture.collective("DB01"))
    #expect(collective.check("366.decline")?.outcome == .notApplicable)
    let person = try Fixture.rate(Fixture.member("P1"))
    #expect(person.check("366.collective.targets")?.outcome == .notApplicable)
  }
}
