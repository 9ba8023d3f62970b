import ClassificationDomain
import ReformKit
import Testing

/// A discipline in the year makes the rating KHTNV (124-QĐ/TW; kept in 366-QĐ/TW as an
/// unconfirmed default; Nghị định 335/2025/NĐ-CP from khiển trách up). One violation counts
/// once, and whether a violation the unit found itself counts is a switch.
@Suite("Discipline")
struct DisciplineRuleTests {
  private let excellent = 9_500

  @Test func aReprimandInTheYearMakesAnExcellentMemberNotCompleted() throws {
    let member = Fixture.member("P1", total: excellent, discipline: [Fixture.discipline("QĐ-01")])
    let rating = try Fixture.rate(member)
    #expect(rating.level == .khtnv)
    #expect(rating.check("366.discipline")?.outcome == .failed)
  }

  @Test func aDisciplineDecidedLastYearDoesNotCountThisYear() throws {
    let member = Fixture.member(
      "P1", total: excellent, discipline: [Fixture.discipline("QĐ-01", year: 2024, countedEarlier: true)])
    #expect(try Fixture.rate(member).level == .htxsnv)
  }

  @Test func aDecisionThisYearForAViolationCountedLastYearDoesNotCountAgain() throws {
    let member = Fixture.member(
      "P1", total: excellent,
      discipline: [
        Fixture.discipline("QĐ-Đảng-01", year: 2024, violation: "VP-7", countedEarlier: true),
        Fixture.discipline("QĐ-HC-09", year: 2025, system: .administrative, violation: "VP-7"),
      ])
    let rating = try Fixture.rate(member)
    #expect(rating.level == .htxsnv)
    #expect(
      rating.check("366.discipline")?.figures
        == .discipline(counted: [], countedEarlier: 1, spared: 0, belowMinimum: 0, otherYearOrSystem: 1))
  }

  @Test func twoDecisionsForOneViolationCountOnce() throws {
    let member = Fixture.member(
      "P1", total: excellent,
      discipline: [
        Fixture.discipline("QĐ-Đảng-01", violation: "VP-7"),
        Fixture.discipline("QĐ-HC-09", system: .administrative, violation: "VP-7"),
      ])
    let rating = try Fixture.rate(member)
    #expect(rating.level == .khtnv)
    #expect(
      rating.check("366.discipline")?.figures
        == .discipline(counted: ["QĐ-Đảng-01"], countedEarlier: 0, spared: 0, belowMinimum: 0, otherYearOrSystem: 0))
  }

  @Test func aSelfDetectedViolationStillCountsByDefault() throws {
    let member = Fixture.member("P1", total: excellent, discipline: [Fixture.discipline("QĐ-01", selfDetected: true)])
    #expect(RuleSet.quyDinh366.rules.first { $0.id == "366.discipline" }?.parameters.spareSelfDetected == false)
    #expect(try Fixture.rate(member).level == .khtnv)
  }

  @Test func aSelfDetectedViolationIsSparedWhenTheSwitchIsOn() throws {
    let set = RuleSet.quyDinh366.changing("366.discipline") { $0.parameters.spareSelfDetected = true }
    let member = Fixture.member("P1", total: excellent, discipline: [Fixture.discipline("QĐ-01", selfDetected: true)])
    let rating = try Fixture.rate(member, ruleSet: set)
    #expect(rating.level == .htxsnv)
    #expect(
      rating.check("366.discipline")?.detail(in: .vietnamese)
        == "không có kỷ luật tính trong năm (không tính: 1 do đơn vị tự phát hiện)")
  }

  @Test func aViolationFoundElsewhereCountsWhenTheSwitchIsOn() throws {
    let set = RuleSet.quyDinh366.changing("366.discipline") { $0.parameters.spareSelfDetected = true }
    let member = Fixture.member("P1", total: excellent, discipline: [Fixture.discipline("QĐ-01", selfDetected: false)])
    #expect(try Fixture.rate(member, ruleSet: set).level == .khtnv)
  }

  @Test func theDisciplineRuleSwitchedOffChangesNothingAndSaysSo() throws {
    let set = RuleSet.quyDinh366.changing("366.discipline") { $0.enabled = false }
    let member = Fixture.member("P1", total: excellent, discipline: [Fixture.discipline("QĐ-01")])
    let rating = try Fixture.rate(member, ruleSet: set)
    #expect(rating.level == .htxsnv)
    #expect(rating.check("366.discipline")?.outcome == .disabled)
  }

  @Test func onlyTheListedSystemsCount() throws {
    let set = RuleSet.quyDinh366.changing("366.discipline") { $0.parameters.systems = [.administrative] }
    let member = Fixture.member("P1", total: excellent, discipline: [Fixture.discipline("QĐ-01", system: .party)])
    #expect(try Fixture.rate(member, ruleSet: set).level == .htxsnv)
  }

  @Test func aCivilServantAdmonishedBelowReprimandKeepsTheLevel() throws {
    let servant = Fixture.member(
      "C1", total: excellent, kind: .civilServant, year: 2026,
      discipline: [Fixture.discipline("NN-01", .admonition, year: 2026, system: .administrative)])
    let rating = try Fixture.rate(servant, ruleSet: .nghiDinh335)
    #expect(rating.level == .htxsnv)
    #expect(
      rating.check("335.khtnv.discipline")?.figures
        == .discipline(counted: [], countedEarlier: 0, spared: 0, belowMinimum: 1, otherYearOrSystem: 0))
  }

  @Test func aCivilServantReprimandedIsNotCompleted() throws {
    let servant = Fixture.member(
      "C1", total: excellent, kind: .civilServant, year: 2026,
      discipline: [Fixture.discipline("KT-01", .reprimand, year: 2026, system: .administrative)])
    #expect(try Fixture.rate(servant, ruleSet: .nghiDinh335).level == .khtnv)
  }

  @Test func aDeclineFindingInTheYearMakesTheMemberNotCompleted() throws {
    let member = Fixture.member(
      "P1", total: excellent,
      declines: [DeclineFinding(concluded: CivilDate(2025, 3, 1), finding: "Suy thoái về lối sống")])
    let rating = try Fixture.rate(member)
    #expect(rating.level == .khtnv)
    #expect(rating.check("366.decline")?.outcome == .failed)
  }

  @Test func aDeclineFindingCountedLastYearDoesNotCountAgain() throws {
    let member = Fixture.member(
      "P1", total: excellent, declines: [DeclineFinding(concluded: CivilDate(2025, 1, 10), countedInEarlierYear: true)])
    #expect(try Fixture.rate(member).level == .htxsnv)
  }
}
