import InspectionDomain
import Testing

@Suite("Generated instances")
struct GeneratedInstanceTests {
  private let input = PlanInput.generated(units: 200, teams: 10, seed: 99)

  /// The demo's input: the bloc's own units, inspectors from them or the commission's office.
  @Test func givenUnitsAreTheOnesVisitedAndInspectorsComeFromThemOrTheOffice() {
    let units = [(code: "CBCS-BDT", name: "Chi bộ Ban Dân tộc tỉnh"), (code: "DBCS-SNV", name: "Đảng bộ Sở Nội vụ")]
    let input = PlanInput.generated(units: units, teams: 2, seed: 5, officeCode: "DUK")
    #expect(Set(input.visitsDue.map(\.unitCode)) == ["CBCS-BDT", "DBCS-SNV"])
    #expect(input.visitsDue.first { $0.unitCode == "CBCS-BDT" }?.unitName == "Chi bộ Ban Dân tộc tỉnh")
    let homes = Set(input.teams.flatMap(\.inspectors).map(\.homeUnitCode))
    #expect(homes.isSubset(of: ["CBCS-BDT", "DBCS-SNV", "DUK"]), "\(homes)")
  }

  @Test func theSameArgumentsGiveTheSameInstance() {
    #expect(PlanInput.generated(units: 200, teams: 10, seed: 99) == input)
    #expect(PlanInput.generated(units: 200, teams: 10, seed: 100) != input)
  }

  @Test func everyUnitHasAVisitOfThreeToTenWorkingDays() {
    let first = input.visitsDue.filter { $0.dueID.hasSuffix("-1") }
    #expect(first.count == 200)
    #expect(first.allSatisfy { (3...10).contains($0.lengthDays ?? 0) })
  }

  @Test func windowsSpanAQuarterToAYear() throws {
    for visit in input.visitsDue {
      let window = try #require(visit.window)
      #expect((91...365).contains(window.first.days(to: window.last) + 1))
    }
  }

  @Test func teamsHaveThreeToFiveInspectorsAndSomeTakeLeave() {
    #expect(input.teams.count == 10)
    #expect(input.teams.allSatisfy { (3...5).contains($0.inspectors.count) })
    #expect(input.teams.flatMap(\.inspectors).contains { !$0.unavailable.isEmpty })
  }
}
