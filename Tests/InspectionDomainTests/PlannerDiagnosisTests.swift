import InspectionDomain
import Testing

@Suite("Planner: why a visit cannot be placed")
struct PlannerDiagnosisTests {
  private func blockingRules(_ input: PlanInput) throws -> [String: BlockingRule] {
    let calendar = try calendar2026()
    let programme = try Planner().plan(input, calendar: calendar)
    #expect(ProgrammeChecker(input: input, calendar: calendar).violations(of: programme).isEmpty)
    for unplaced in programme.unplaced { #expect(!unplaced.explanation.isEmpty) }
    return Dictionary(
      programme.unplaced.map { ($0.due.dueID, $0.blockingRule) }, uniquingKeysWith: { first, _ in first })
  }

  @Test func whenEveryTeamHasAnInspectorFromTheUnitTheRuleIsOwnUnit() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1")],
      teams: [team("T1", [inspector("K1", home: "U1")]), team("T2", [inspector("K2"), inspector("K3", home: "U1")])])
    #expect(try blockingRules(input) == ["V1": .ownUnit])
  }

  @Test func theOwnUnitExplanationNamesTheInspectors() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1")], teams: [team("T1", [inspector("K1", home: "U1")])])
    let unplaced = try #require(try Planner().plan(input, calendar: calendar2026()).unplaced.first)
    #expect(unplaced.explanation.contains("Cán bộ K1 (K1)"))
  }

  @Test func aWindowHoldingOnlyTetHolidaysIsBlockedByTheWindow() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: span(day(2026, 2, 14), day(2026, 2, 22)))],
      teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(input) == ["V1": .window])
  }

  @Test func aWindowShorterThanTheVisitIsBlockedByTheWindow() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 6, window: span(day(2026, 3, 2), day(2026, 3, 6)))],
      teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(input) == ["V1": .window])
  }

  @Test func leaveCoveringTheWholeWindowIsBlockedByLeave() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 20))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: window)],
      teams: [
        team("T1", [inspector("K1"), inspector("K2", away: [window])]), team("T2", [inspector("K3", away: [window])]),
      ])
    #expect(try blockingRules(input) == ["V1": .leave])
  }

  @Test func aBlackoutCoveringTheWindowIsBlockedByTheBlackout() throws {
    let window = span(day(2026, 6, 1), day(2026, 6, 30))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: window)],
      teams: [team("T1", [inspector("K1")])], blackouts: [Blackout(dates: window, reason: "Đại hội", unitCodes: ["U1"])]
    )
    #expect(try blockingRules(input) == ["V1": .blackout])
  }

  @Test func twoVisitsToOneUnitInOneShortWindowAreBlockedByTheMinimumGap() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 27))
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("A", unit: "U1", length: 3, window: window), due("B", unit: "U1", length: 3, window: window)],
      teams: [team("T1", [inspector("K1")]), team("T2", [inspector("K2")])],
      rules: PlanningRules(minGapWorkingDays: 20))
    #expect(try blockingRules(input) == ["B": .minGap])
  }

  @Test func aSecondVisitInAMonthOverTheCapIsBlockedByTheMonthlyCap() throws {
    let march = span(day(2026, 3, 2), day(2026, 3, 31))
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("A", unit: "U1", length: 3, window: march), due("B", unit: "U2", length: 3, window: march)],
      teams: [team("T1", [inspector("K1")], cap: 1)])
    #expect(try blockingRules(input) == ["B": .monthlyCap])
  }

  @Test func aWindowFullyTakenByAnotherVisitIsBlockedByTheTeamBeingBusy() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 13))
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("A", unit: "U1", length: 8, window: window), due("B", unit: "U2", length: 8, window: window)],
      teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(input) == ["B": .teamBusy])
  }

  @Test func aVisitLongerThanTwentyDaysAndAThirdIsBlockedByTheLengthLimit() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 27)], teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(input) == ["V1": .lengthLimit])
    let fits = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 26)], teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(fits).isEmpty)
  }

  @Test func withoutTeamsOrWithAnUnknownRequiredTeamTheRuleIsNoTeam() throws {
    #expect(try blockingRules(PlanInput(year: 2026, visitsDue: [due("V1", unit: "U1")], teams: [])) == ["V1": .noTeam])
    let unknown = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", team: "T9")], teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(unknown) == ["V1": .noTeam])
  }

  @Test func theLocalSearchMakesRoomForAVisitTheGreedyOrderLeftOut() throws {
    // The risky visit takes the first slot; the later one has a tight window there and fits
    // only once the risky one moves after it.
    let input = PlanInput(
      year: 2026,
      visitsDue: [
        due("RISKY", unit: "U1", length: 5, window: span(day(2026, 3, 2), day(2026, 3, 31))),
        due("TIGHT", unit: "U2", length: 5, window: span(day(2026, 3, 2), day(2026, 3, 6))),
      ],
      teams: [team("T1", [inspector("K1")])], risks: [UnitRisk(unitCode: "U1", scoreBP: 9000)])
    let calendar = try calendar2026()
    #expect(try Planner(improvementRounds: 0).plan(input, calendar: calendar).unplaced.map(\.due.dueID) == ["TIGHT"])
    #expect(try blockingRules(input).isEmpty)
  }
}
