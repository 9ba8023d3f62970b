import InspectionDomain
import Testing

@Suite("Planner: hard rules and objective")
struct PlannerTests {
  private func plan(_ input: PlanInput) throws -> Programme {
    let calendar = try calendar2026()
    let programme = try Planner().plan(input, calendar: calendar)
    let broken = ProgrammeChecker(input: input, calendar: calendar).violations(of: programme)
    #expect(broken.isEmpty, "\(broken)")
    return programme
  }

  @Test func aVisitOccupiesConsecutiveWorkingDaysSkippingTheWeekend() throws {
    // From Thursday 5/3/2026, five working days end on Wednesday 11/3.
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 5, window: span(day(2026, 3, 5), day(2026, 3, 31)))],
      teams: [team("T1", [inspector("K1")])])
    let visit = try #require(try plan(input).visits.first)
    #expect(visit.firstDay == day(2026, 3, 5))
    #expect(visit.lastDay == day(2026, 3, 11))
    #expect(visit.workingDays == 5)
  }

  @Test func aVisitSkipsTheTetHolidaysInsideIt() throws {
    // Thursday 12/2 and Friday 13/2, then Tết off 14–22/2, then Monday 23/2.
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: span(day(2026, 2, 12), day(2026, 2, 28)))],
      teams: [team("T1", [inspector("K1")])])
    let visit = try #require(try plan(input).visits.first)
    #expect(visit.firstDay == day(2026, 2, 12))
    #expect(visit.lastDay == day(2026, 2, 23))
  }

  @Test func noInspectorVisitsTheirOwnUnit() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1")],
      teams: [team("T1", [inspector("K1", home: "U1"), inspector("K2")]), team("T2", [inspector("K3")])])
    #expect(try plan(input).visits.first?.teamID == "T2")
  }

  @Test func aDeclaredConflictOfInterestExcludesTheTeamToo() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1")],
      teams: [team("T1", [inspector("K1", conflicts: ["U1"])]), team("T2", [inspector("K2")])])
    #expect(try plan(input).visits.first?.teamID == "T2")
  }

  @Test func unitCodesAreComparedAfterNFCNormalisation() throws {
    // "ế" typed as e + circumflex + acute is the same unit as the precomposed "ế".
    let decomposed = "DBCS-Tie\u{302}\u{301}n"
    let precomposed = "DBCS-Ti\u{1EBF}n"
    #expect(Array(decomposed.unicodeScalars) != Array(precomposed.unicodeScalars))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: precomposed)],
      teams: [team("T1", [inspector("K1", home: decomposed)]), team("T2", [inspector("K2")])])
    #expect(try plan(input).visits.first?.teamID == "T2")
  }

  @Test func aTeamMakesOneVisitAtATime() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 20))
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("V1", unit: "U1", length: 5, window: window), due("V2", unit: "U2", length: 5, window: window)],
      teams: [team("T1", [inspector("K1")])])
    let visits = try plan(input).visits
    #expect(visits.count == 2)
    #expect(visits[0].lastDay < visits[1].firstDay)
  }

  @Test func riskierUnitsAreVisitedEarlier() throws {
    let window = span(day(2026, 3, 2), day(2026, 6, 30))
    let input = PlanInput(
      year: 2026,
      visitsDue: [
        due("LOW", unit: "U1", window: window), due("HIGH", unit: "U2", window: window),
        due("MID", unit: "U3", window: window),
      ],
      teams: [team("T1", [inspector("K1")], cap: 5)],
      risks: [
        UnitRisk(unitCode: "U1", scoreBP: 100), UnitRisk(unitCode: "U2", scoreBP: 9000),
        UnitRisk(unitCode: "U3", scoreBP: 5000),
      ])
    #expect(try plan(input).visits.map(\.visitID) == ["HIGH", "MID", "LOW"])
  }

  @Test func aTeamStartsNoMoreVisitsInAMonthThanItsCap() throws {
    let window = span(day(2026, 1, 5), day(2026, 3, 31))
    let input = PlanInput(
      year: 2026, visitsDue: (1...3).map { due("V\($0)", unit: "U\($0)", length: 3, window: window) },
      teams: [team("T1", [inspector("K1")])], rules: PlanningRules(maxVisitsPerTeamPerMonth: 1))
    #expect(try plan(input).visits.map(\.firstDay.month) == [1, 2, 3])
  }

  @Test func twoVisitsToOneUnitKeepTheMinimumGap() throws {
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("V1", unit: "U1", length: 3), due("V2", unit: "U1", length: 3, kind: .regularSupervision)],
      teams: [team("T1", [inspector("K1")]), team("T2", [inspector("K2")])],
      rules: PlanningRules(minGapWorkingDays: 20))
    let calendar = try calendar2026()
    let visits = try plan(input).visits
    #expect(visits.count == 2)
    let between = calendar.workingDayCount(
      from: visits[0].lastDay.adding(days: 1), through: visits[1].firstDay.adding(days: -1))
    #expect(between == 20)
  }

  @Test func aVisitAvoidsTheDaysAnInspectorIsOnLeave() throws {
    let leave = span(day(2026, 3, 2), day(2026, 3, 13))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: span(day(2026, 3, 2), day(2026, 3, 31)))],
      teams: [team("T1", [inspector("K1"), inspector("K2", away: [leave])])])
    #expect(try plan(input).visits.first?.firstDay == day(2026, 3, 16))
  }

  @Test func withOneInspectorRequiredPresentAVisitMayTakePlaceDuringAnothersLeave() throws {
    let leave = span(day(2026, 3, 2), day(2026, 3, 13))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: span(day(2026, 3, 2), day(2026, 3, 31)))],
      teams: [team("T1", [inspector("K1"), inspector("K2", away: [leave])])],
      rules: PlanningRules(minInspectorsPresent: 1))
    #expect(try plan(input).visits.first?.firstDay == day(2026, 3, 2))
  }

  @Test func aBlackoutForOneUnitLeavesOtherUnitsFree() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 31))
    let congress = Blackout(dates: span(day(2026, 3, 1), day(2026, 3, 15)), reason: "Đại hội", unitCodes: ["U1"])
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("V1", unit: "U1", length: 3, window: window), due("V2", unit: "U2", length: 3, window: window)],
      teams: [team("T1", [inspector("K1")]), team("T2", [inspector("K2")])], blackouts: [congress])
    let visits = try plan(input).visits
    #expect(visits.first { $0.visitID == "V1" }?.firstDay == day(2026, 3, 16))
    #expect(visits.first { $0.visitID == "V2" }?.firstDay == day(2026, 3, 2))
  }

  @Test func aVisitWithoutALengthTakesItFromTheLengthTable() throws {
    let rules = PlanningRules(lengths: [
      LengthRule(kind: .programmed, minMembers: 0, lengthDays: 3),
      LengthRule(kind: .programmed, minMembers: 50, lengthDays: 8),
    ])
    let input = PlanInput(
      year: 2026,
      visitsDue: [
        due("SMALL", unit: "U1", length: nil, members: 20), due("LARGE", unit: "U2", length: nil, members: 80),
      ],
      teams: [team("T1", [inspector("K1")])], rules: rules)
    let visits = try plan(input).visits
    #expect(visits.first { $0.visitID == "SMALL" }?.workingDays == 3)
    #expect(visits.first { $0.visitID == "LARGE" }?.workingDays == 8)
  }

  @Test func equalVisitsAreSharedEvenlyBetweenEqualTeams() throws {
    let input = PlanInput(
      year: 2026, visitsDue: (1...4).map { due("V\($0)", unit: "U\($0)", length: 4) },
      teams: [team("T1", [inspector("K1")]), team("T2", [inspector("K2")])])
    let objective = try plan(input).objective
    #expect(objective.teamLoads.map(\.visits) == [2, 2])
    #expect(objective.loadSpread == 0)
  }

  @Test func theSameInputAndSeedGiveTheSameProgramme() throws {
    let input = PlanInput.generated(units: 40, teams: 4, seed: 7)
    let calendar = try calendar2026()
    #expect(try Planner().plan(input, calendar: calendar) == Planner().plan(input, calendar: calendar))
  }

  @Test func theLowerBoundIsReachedByALoneVisit() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: span(day(2026, 5, 4), day(2026, 5, 29)))],
      teams: [team("T1", [inspector("K1")])], risks: [UnitRisk(unitCode: "U1", scoreBP: 5000)])
    let objective = try plan(input).objective
    #expect(objective.riskDelay == objective.riskDelayLowerBound)
    #expect(objective.riskDelay > 0)
    #expect(objective.riskDelayGap == 0)
  }

  @Test func theLocalSearchDoesNoWorseThanTheGreedyProgramme() throws {
    let input = PlanInput.generated(units: 80, teams: 5, seed: 11)
    let calendar = try calendar2026()
    let greedy = try Planner(improvementRounds: 0).plan(input, calendar: calendar).objective
    let improved = try Planner().plan(input, calendar: calendar).objective
    #expect(!greedy.isBetter(than: improved))
  }

  @Test func aMoreFullyPlacedProgrammeIsBetterWhateverItsRiskDelay() {
    let fuller = Objective(
      placed: 10, unplaced: 0, riskDelay: 900, loadSpread: 9, teamLoads: [], riskDelayLowerBound: 0)
    let earlier = Objective(
      placed: 9, unplaced: 1, riskDelay: 100, loadSpread: 0, teamLoads: [], riskDelayLowerBound: 0)
    #expect(fuller.isBetter(than: earlier))
    #expect(!earlier.isBetter(than: fuller))
  }
}
