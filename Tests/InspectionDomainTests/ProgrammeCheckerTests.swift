import InspectionDomain
import ReformKit
import Testing

/// A small, crowded random instance: few teams, several visits per unit, short windows, leave,
/// blackouts and tight caps, so that the rules bind and some visits stay unplaced.
func crowdedInstance(seed: UInt64) -> PlanInput {
  var random = SplitMix64(seed: seed)
  let units = (1...random.int(in: 3...10)).map { "U\($0)" }
  let year = day(2026, 1, 1)
  func randomRange(_ maxLength: Int) -> CivilDateRange {
    let first = year.adding(days: random.int(in: 0...330))
    return span(first, min(first.adding(days: random.int(in: 0...maxLength)), day(2026, 12, 31)))
  }
  var inspectorNumber = 0
  let teams = (1...random.int(in: 1...4)).map { t in
    let members = (1...random.int(in: 1...4)).map { _ in
      inspectorNumber += 1
      return Inspector(
        inspectorID: "K\(inspectorNumber)", fullName: "Kiểm tra viên \(inspectorNumber)",
        homeUnitCode: random.chance(percent: 40) ? units[random.int(in: 0...units.count - 1)] : "UBKT",
        conflictUnitCodes: random.chance(percent: 10) ? [units[random.int(in: 0...units.count - 1)]] : [],
        unavailable: (0..<random.int(in: 0...3)).map { _ in Unavailability(dates: randomRange(20), reason: "nghỉ phép") })
    }
    return Team(
      teamID: "T\(t)", name: "Đoàn \(t)", inspectors: members,
      maxVisitsPerMonth: random.chance(percent: 30) ? random.int(in: 1...3) : nil)
  }
  let visits = (1...random.int(in: 4...20)).map { v in
    let unit = units[random.int(in: 0...units.count - 1)]
    return VisitDue(
      dueID: "V\(v)", unitCode: unit, unitName: "Chi bộ \(unit), Khối \"\(v)\"",
      kind: VisitKind.allCases[random.int(in: 0...3)],
      lengthDays: random.chance(percent: 15) ? nil : random.int(in: 1...8), unitMemberCount: random.int(in: 0...60),
      window: random.chance(percent: 10) ? nil : randomRange(120),
      teamID: random.chance(percent: 10) ? "T\(random.int(in: 1...teams.count))" : nil)
  }
  let blackouts = (0..<random.int(in: 0...3)).map { _ in
    Blackout(
      dates: randomRange(30), reason: "Hội nghị",
      unitCodes: random.chance(percent: 50) ? [units[random.int(in: 0...units.count - 1)]] : [])
  }
  return PlanInput(
    year: 2026, visitsDue: visits, teams: teams, blackouts: blackouts,
    rules: PlanningRules(
      minGapWorkingDays: random.int(in: 0...15), maxVisitsPerTeamPerMonth: random.int(in: 1...2),
      lengths: VisitKind.allCases.map { LengthRule(kind: $0, minMembers: 0, lengthDays: random.int(in: 2...6)) },
      minInspectorsPresent: random.chance(percent: 30) ? random.int(in: 1...2) : nil),
    risks: units.filter { _ in random.chance(percent: 80) }.map { UnitRisk(unitCode: $0, scoreBP: random.int(in: 0...10_000)) },
    seed: seed)
}

@Suite("Independent checker")
struct ProgrammeCheckerTests {
  @Test func twoHundredRandomProgrammesKeepEveryHardRule() throws {
    let calendar = try calendar2026()
    var unplaced = 0
    for seed in UInt64(1)...200 {
      let input = crowdedInstance(seed: seed)
      // With the improvement phase on, which takes parts out and puts them back.
      let programme = try Planner(improvementIterations: 300).plan(input, calendar: calendar)
      let broken = ProgrammeChecker(input: input, calendar: calendar).violations(of: programme)
      #expect(broken.isEmpty, "seed \(seed): \(broken)")
      unplaced += programme.unplaced.count
    }
    // The instances are crowded enough that the rules bind.
    #expect(unplaced > 0)
  }

  @Test func aGeneratedProgrammeOfSixtyUnitsKeepsEveryHardRule() throws {
    let calendar = try calendar2026()
    let input = PlanInput.generated(units: 60, teams: 6, seed: 3)
    let programme = try Planner().plan(input, calendar: calendar)
    #expect(ProgrammeChecker(input: input, calendar: calendar).violations(of: programme).isEmpty)
    #expect(programme.unplaced.isEmpty)
  }

  @Test func theCheckerCatchesAVisitMovedOntoItsInspectorsOwnUnit() throws {
    let calendar = try calendar2026()
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1")],
      teams: [team("T1", [inspector("K1", home: "U1")]), team("T2", [inspector("K2")])])
    var programme = try Planner().plan(input, calendar: calendar)
    programme.visits[0].teamID = "T1"
    let broken = ProgrammeChecker(input: input, calendar: calendar).violations(of: programme)
    #expect(broken.contains { $0.contains("own unit") })
  }

  @Test func theCheckerCatchesOverlappingVisitsOfOneTeam() throws {
    let calendar = try calendar2026()
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3), due("V2", unit: "U2", length: 3)],
      teams: [team("T1", [inspector("K1")])])
    var programme = try Planner().plan(input, calendar: calendar)
    programme.visits[1].firstDay = programme.visits[0].firstDay
    programme.visits[1].lastDay = programme.visits[0].lastDay
    let broken = ProgrammeChecker(input: input, calendar: calendar).violations(of: programme)
    #expect(broken.contains { $0.contains("overlap") })
  }

  @Test func theCheckerCatchesAVisitDuringLeave() throws {
    let calendar = try calendar2026()
    let leave = span(day(2026, 1, 2), day(2026, 1, 16))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3)], teams: [team("T1", [inspector("K1", away: [leave])])])
    var programme = try Planner().plan(input, calendar: calendar)
    programme.visits[0].firstDay = day(2026, 1, 5)
    programme.visits[0].lastDay = day(2026, 1, 7)
    let broken = ProgrammeChecker(input: input, calendar: calendar).violations(of: programme)
    #expect(broken.contains { $0.contains("inspectors present") })
  }
}
