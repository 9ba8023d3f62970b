import InspectionDomain
import Testing

@Suite("Planner: malformed input")
struct PlanInputValidationTests {
  private func error(_ input: PlanInput) throws -> PlanningError? {
    let calendar = try calendar2026()
    return #expect(throws: PlanningError.self) { try Planner().plan(input, calendar: calendar) }
  }

  private let oneTeam = [team("T1", [inspector("K1")])]

  @Test func anInputForAnotherYearThanTheCalendarIsRefused() throws {
    let failure = try error(PlanInput(year: 2027, visitsDue: [], teams: oneTeam))
    #expect(failure?.field == "year")
    #expect(failure?.kind == .invalidArgument)
  }

  @Test func aDueIDUsedTwiceIsRefusedAtTheSecond() throws {
    let failure = try error(
      PlanInput(year: 2026, visitsDue: [due("V1", unit: "U1"), due("V1", unit: "U2")], teams: oneTeam))
    #expect(failure?.field == "visitsDue[1].dueID")
  }

  @Test func aVisitWithoutLengthAndNoTableRowIsRefused() throws {
    let failure = try error(PlanInput(year: 2026, visitsDue: [due("V1", unit: "U1", length: nil)], teams: oneTeam))
    #expect(failure?.field == "visitsDue[0].lengthDays")
  }

  @Test func aWindowOutsideTheYearIsRefused() throws {
    let window = span(day(2025, 12, 1), day(2026, 1, 31))
    let failure = try error(PlanInput(year: 2026, visitsDue: [due("V1", unit: "U1", window: window)], teams: oneTeam))
    #expect(failure?.field == "visitsDue[0].window")
  }

  @Test func aTeamWithoutInspectorsIsRefused() throws {
    let failure = try error(PlanInput(year: 2026, visitsDue: [], teams: [team("T1", [])]))
    #expect(failure?.field == "teams[0].inspectors")
  }

  @Test func anInspectorInTwoTeamsIsRefused() throws {
    let failure = try error(
      PlanInput(year: 2026, visitsDue: [], teams: [team("T1", [inspector("K1")]), team("T2", [inspector("K1")])]))
    #expect(failure?.field == "teams[1].inspectors[0].inspectorID")
  }

  @Test func aRiskAboveTenThousandBasisPointsIsRefused() throws {
    let failure = try error(
      PlanInput(year: 2026, visitsDue: [], teams: oneTeam, risks: [UnitRisk(unitCode: "U1", scoreBP: 10_001)]))
    #expect(failure?.field == "risks[0].scoreBP")
  }

  @Test func aMonthlyCapOfZeroIsRefused() throws {
    let failure = try error(
      PlanInput(year: 2026, visitsDue: [], teams: oneTeam, rules: PlanningRules(maxVisitsPerTeamPerMonth: 0)))
    #expect(failure?.field == "rules.maxVisitsPerTeamPerMonth")
  }
}
