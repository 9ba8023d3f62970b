import InspectionDomain
import ReformKit
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

  private func unplaced(_ input: PlanInput) throws -> [UnplacedVisit] {
    try Planner().plan(input, calendar: calendar2026()).unplaced
  }

  @Test func whenEveryTeamHasAnInspectorFromTheUnitTheRuleIsOwnUnit() throws {
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1")],
      teams: [team("T1", [inspector("K1", home: "U1")]), team("T2", [inspector("K2"), inspector("K3", home: "U1")])])
    #expect(try blockingRules(input) == ["V1": .ownUnit])
    // The rule taken away, the visit places.
    let otherHome = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1")],
      teams: [team("T1", [inspector("K1", home: "U9")]), team("T2", [inspector("K2"), inspector("K3", home: "U1")])])
    #expect(try blockingRules(otherHome).isEmpty)
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
    let wider = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 6, window: span(day(2026, 3, 2), day(2026, 3, 9)))],
      teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(wider).isEmpty)
  }

  @Test func leaveCoveringTheWholeWindowIsBlockedByLeave() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 20))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: window)],
      teams: [
        team("T1", [inspector("K1"), inspector("K2", away: [window])]), team("T2", [inspector("K3", away: [window])]),
      ])
    #expect(try blockingRules(input) == ["V1": .leave])
    let explanation = try #require(try unplaced(input).first).explanation
    #expect(explanation.contains("excluded whatever the other visits do"), "\(explanation)")
    let noLeave = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: window)],
      teams: [team("T1", [inspector("K1"), inspector("K2")]), team("T2", [inspector("K3", away: [window])])])
    #expect(try blockingRules(noLeave).isEmpty)
  }

  @Test func aBlackoutCoveringTheWindowIsBlockedByTheBlackout() throws {
    let window = span(day(2026, 6, 1), day(2026, 6, 30))
    let input = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: window)],
      teams: [team("T1", [inspector("K1")])], blackouts: [Blackout(dates: window, reason: "Đại hội", unitCodes: ["U1"])]
    )
    #expect(try blockingRules(input) == ["V1": .blackout])
    let otherUnit = PlanInput(
      year: 2026, visitsDue: [due("V1", unit: "U1", length: 3, window: window)],
      teams: [team("T1", [inspector("K1")])], blackouts: [Blackout(dates: window, reason: "Đại hội", unitCodes: ["U2"])]
    )
    #expect(try blockingRules(otherUnit).isEmpty)
  }

  @Test func twoVisitsToOneUnitInOneShortWindowFindNoPlaceAndTheGapIsCounted() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 27))
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("A", unit: "U1", length: 3, window: window), due("B", unit: "U1", length: 3, window: window)],
      teams: [team("T1", [inspector("K1")]), team("T2", [inspector("K2")])],
      rules: PlanningRules(minGapWorkingDays: 20))
    // Only where the other visit stands keeps B out: the rule named is no place found, with
    // the gap counted and the weeks that were full.
    #expect(try blockingRules(input) == ["B": .noPlaceFound])
    let explanation = try #require(try unplaced(input).first).explanation
    #expect(explanation.contains("minimum gap 3"), "\(explanation)")
    #expect(explanation.contains("T1 (weeks of 2026-03-02…2026-03-23)"), "\(explanation)")
  }

  @Test func aSecondVisitInAMonthOverTheCapFindsNoPlaceAndTheCapIsCounted() throws {
    let march = span(day(2026, 3, 2), day(2026, 3, 31))
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("A", unit: "U1", length: 3, window: march), due("B", unit: "U2", length: 3, window: march)],
      teams: [team("T1", [inspector("K1")], cap: 1)])
    #expect(try blockingRules(input) == ["B": .noPlaceFound])
    let explanation = try #require(try unplaced(input).first).explanation
    #expect(explanation.contains("monthly cap 20"), "\(explanation)")
  }

  @Test func aWindowFullyTakenByAnotherVisitFindsNoPlaceAndTheBusyTeamIsCounted() throws {
    let window = span(day(2026, 3, 2), day(2026, 3, 13))
    let input = PlanInput(
      year: 2026,
      visitsDue: [due("A", unit: "U1", length: 8, window: window), due("B", unit: "U2", length: 8, window: window)],
      teams: [team("T1", [inspector("K1")])])
    #expect(try blockingRules(input) == ["B": .noPlaceFound])
    let explanation = try #require(try unplaced(input).first).explanation
    #expect(explanation.contains("team busy 3"), "\(explanation)")
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

  @Test func theFullWeeksAreNamedAsAFewRunsAndACount() throws {
    // Every month holds a visit that may go in that month only, and the team makes one a
    // month; B's unit is blacked out every other week, so the weeks that were full for B
    // alternate: 26 runs, of which the explanation names 4.
    let months = (1...12).map { month in
      due("M\(month)", unit: "U\(month)", length: 3, window: span(day(2026, month, 1), CivilDate.endOf(month: month, year: 2026)))
    }
    let mondays = (0..<26).map { day(2026, 1, 5).adding(days: 14 * $0) }
    let input = PlanInput(
      year: 2026, visitsDue: months + [due("B", unit: "UB", length: 3)],
      teams: [team("T1", [inspector("K1")], cap: 1)],
      blackouts: mondays.map { Blackout(dates: span($0, $0.adding(days: 6)), reason: "Hội nghị", unitCodes: ["UB"]) })
    let left = try unplaced(input)
    #expect(left.map(\.due.dueID) == ["B"])
    let explanation = try #require(left.first).explanation
    #expect(explanation.contains("T1 (weeks of 2026-01-12, 2026-01-26, 2026-02-09, 2026-02-23 and "), "\(explanation)")
    #expect(explanation.contains("more runs)"), "\(explanation)")
    #expect(explanation.count < 600, "\(explanation.count) characters")
  }

  /// What each reported rule claims, checked on crowded instances: a rule that holds whatever
  /// the other visits do still keeps the visit out when it is the only visit, and taking that
  /// rule away lets it in; "no place found" means the visit alone does fit.
  @Test func everyReportedRuleIsTrue() throws {
    let calendar = try calendar2026()
    var checked: [BlockingRule: Int] = [:]
    for seed in UInt64(1)...40 {
      let input = crowdedInstance(seed: seed)
      let programme = try Planner(improvementIterations: 200).plan(input, calendar: calendar)
      for unplaced in programme.unplaced {
        var alone = input
        alone.visitsDue = [unplaced.due]
        let aloneUnplaced = try Planner().plan(alone, calendar: calendar).unplaced
        checked[unplaced.blockingRule, default: 0] += 1
        switch unplaced.blockingRule {
        case .noPlaceFound:
          #expect(aloneUnplaced.isEmpty, "seed \(seed): \(unplaced.due.dueID) alone does not fit either")
        case .blackout, .leave:
          #expect(aloneUnplaced.map(\.blockingRule) == [unplaced.blockingRule], "seed \(seed): \(unplaced.due.dueID)")
          // Both are on the days themselves; with neither (no blackout, every inspector
          // present, and only as many required as there are), the visit fits.
          alone.blackouts = []
          alone.rules.minInspectorsPresent = nil
          for t in alone.teams.indices {
            for i in alone.teams[t].inspectors.indices { alone.teams[t].inspectors[i].unavailable = [] }
          }
          let freed = try Planner().plan(alone, calendar: calendar).unplaced
          #expect(freed.isEmpty, "seed \(seed): \(unplaced.due.dueID) \(unplaced.explanation) → \(freed)")
        case .window, .ownUnit, .lengthLimit, .noTeam:
          #expect(aloneUnplaced.map(\.blockingRule) == [unplaced.blockingRule], "seed \(seed): \(unplaced.due.dueID)")
        case .teamBusy, .minGap, .monthlyCap:
          Issue.record("seed \(seed): \(unplaced.due.dueID) is reported blocked by \(unplaced.blockingRule), which depends on the other visits")
        }
      }
    }
    #expect(checked[.noPlaceFound, default: 0] > 0 && checked[.blackout, default: 0] + checked[.leave, default: 0] > 0, "\(checked)")
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
